// Child process for the lock race test: waits for the agreed instant, tries to take the lock of
// a directory, prints `got` or `locked`, and holds what it got for a while.
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
setTimeout(() => process.exit(0), 1500);
