// How Shelf's server process is started (`npm start`, the end-to-end tests' servers, the bench).
// --experimental-async-context-frame: AsyncLocalStorage, which Next uses on every request, without
// async hooks, whose callback on every async resource cost a cached answer 10 to 25% of its rate
// (the default from Node 24 on). package.json's "start" spells the same flags out.
export const NODE_FLAGS = ['--experimental-async-context-frame'];

/** Node's arguments for the server, from the repository's root. */
export const START_ARGS = [...NODE_FLAGS, 'scripts/start.mjs'];
