// Child process of the two-instance crash test: dispatches to a PostgreSQL counter in bursts,
// printing `<seq> <id>` for each event once its transaction committed.
import { createHub } from '../hub';
import { openPgCounter } from './pg-counter';

const [url, prefix] = process.argv.slice(2) as [string, string];
const store = openPgCounter(createHub(url), { decide: (input) => input });
await store.ready;
process.stdout.write('ready\n');
for (let i = 0; ; ) {
  const batch = Array.from({ length: 8 }, () => store.dispatch({ type: 'Added', data: { n: 1 }, id: `${prefix}-${i++}` }));
  for (const event of await Promise.all(batch)) process.stdout.write(`${event.seq} ${event.id}\n`);
}
