// Next calls register() once per server process before it serves anything: replay the logs now,
// so that the first request does not pay for it and a corrupt log stops the server at start.
// Then the front door's hot-route handler is installed for server/front-door.mjs (npm start).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootOrExit } = await import('./lib/boot');
  await bootOrExit();
  const { installFrontDoor } = await import('./lib/front-door/install');
  installFrontDoor();
}
