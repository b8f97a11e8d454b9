// What the server (server/front-door.mjs) imports: the edge, built from lib/ with esbuild
// (server/build-edge.mjs) into one module beside Next's build. Its copy of lib/ and Next's share
// every store and cache through the process-wide registry (lib/eventstore/registry.ts).
export { bootServer, stopServer } from './boot';
export { shutdownGraceMs } from '../config/env';
export { createEdge } from './handle';
export { nextRoutesOfBuild } from './next-routes';
export { AnswerCache } from './cache';
