// npm's postbuild: notes which commit the build in .next was made from (scripts/fresh-build.mjs).
import { fileURLToPath } from 'node:url';
import { stampBuild } from './fresh-build.mjs';

stampBuild(fileURLToPath(new URL('..', import.meta.url)));
