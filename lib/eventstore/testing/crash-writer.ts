// Child process of the crash test: dispatches in a loop, printing each seq once it is durable.
import { openCounter } from './counter';

const dir = process.argv[2]!;
const store = openCounter(dir);
await store.ready;
process.stdout.write('ready\n');
let i = 0;
for (;;) {
  // Several in flight at once so that the kill also lands inside group commits.
  const batch = Array.from({ length: 8 }, () => store.dispatch({ type: 'Added', data: { n: (i++ % 3) - 1 } }));
  for (const event of await Promise.all(batch)) process.stdout.write(`${event.seq}\n`);
}
