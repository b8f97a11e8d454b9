// Next calls register() once per server process before it serves anything. Under the edge
// (server/front-door.mjs, `npm start`) the server has booted already and this finds it done; under
// a bare `next start` or `next dev` it boots the stores here, so a corrupt log stops the server at start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootOrExit } = await import('./lib/edge/boot');
  await bootOrExit();
}
