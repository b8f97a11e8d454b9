// Child process that opens a store and keeps it open until killed.
import { openCounter } from './counter';

const store = openCounter(process.argv[2]!);
await store.ready;
process.stdout.write('ready\n');
setInterval(() => {}, 1000);
