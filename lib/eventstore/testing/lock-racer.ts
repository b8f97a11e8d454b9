// Child process for the lock race test: waits for the agreed instant, tries to take the lock of
// a directory, prints `got` or `locked`, and holds what it got until the test ends it (so that a
// racer that starts late, on a busy machine, still meets a live holder, never a released lock).
import { lockDirectory } from '../lock';

const [dir, startAt] = [process.argv[2]!, Number(process.argv[3])];
while (Date.now() < startAt) {
  // spin: every racer starts at the same moment
}
try {
  await lockDirectory(dir);
  process.stdout.write('got\n');
} catch {
  process.stdout.write('locked\n');
}
setTimeout(() => process.exit(0), 60_000); // the test kills it long before; this only bounds an orphan
