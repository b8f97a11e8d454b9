// npm run verify-log -- <file>
// Checks a Shelf log offline: every line parses and fits its type's schema (the store is named by
// the file, `<store>.jsonl`), seq runs 1, 2, 3 ... without a gap, ids are unique, and the whole log
// replays through the store's evolve (the rules of decide are for new events, not recorded ones). Prints a summary; on a bad line, prints `file:line: reason`
// and exits 1 (2 for a usage error: no file, an unknown store).
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { storeOptions } from '../lib/eventstore/define-store';
import { verifyLog } from '../lib/eventstore/verify';
import { findStore, STORES } from '../lib/stores';

function usage(message: string): never {
  console.error(`verify-log: ${message}\nusage: npm run verify-log -- <events-dir>/<store>.jsonl`);
  process.exit(2);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) usage('give exactly one log file');
if (!existsSync(file)) usage(`no such file: ${file}`);
const store = basename(file).replace(/\.jsonl$/, '');
const definition = findStore(store);
if (!definition || !file.endsWith('.jsonl')) usage(`${basename(file)} is not the log of a known store (${STORES.map((s) => `${s.name}.jsonl`).join(', ')})`);

// The initial state may be a file beside the log (orderbook.init.json, created empty if missing, as a first boot would).
const options = storeOptions(definition, dirname(resolve(file)));
const init = options.initialState;
const initialState = typeof init === 'function' ? await (init as () => unknown)() : init;
const result = verifyLog(file, { ...options, initialState });
if (!result.ok) {
  console.error(`${file}:${result.line}: ${result.reason}`);
  console.error(`(the ${result.events} events before line ${result.line} are valid)`);
  process.exit(1);
}

const types = Object.entries(result.types).map(([type, n]) => `${type} ${n}`);
console.log(`${file}: OK`);
console.log(`  events: ${result.events}${result.events ? ` (seq 1..${result.events})` : ''}`);
if (types.length) console.log(`  types:  ${types.join(', ')}`);
if (result.firstAt) console.log(`  first:  ${result.firstAt}\n  last:   ${result.lastAt}`);
for (const line of definition.summarize(result.state)) console.log(`  state:  ${line}`);
