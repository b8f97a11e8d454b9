import 'server-only';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from '../fs/write-atomically';
import { join } from 'node:path';
import { encodeInitState, initialOrderbook, INIT_FILE, parseInitState } from './init-state';
import type { OrderbookState } from './state';

interface InitOptions {
  dir: string;
  depth: number;
  tradeHistory?: number;
  /** The log that is replayed on top of the init state (only to warn when the init file went missing). */
  logFile: string;
  warn?: (message: string) => void;
}

/**
 * The orderbook's state before its first event: read from `<dir>/orderbook.init.json`, or, at the
 * first boot, written there (atomically) and returned. Later boots always read the file, never
 * regenerate it. Runs inside the store's boot, so this process holds the directory's writer lock.
 */
export async function loadInitState({ dir, depth, tradeHistory, logFile, warn = console.warn }: InitOptions): Promise<OrderbookState> {
  const file = join(dir, INIT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const state = initialOrderbook();
    if (existsSync(logFile) && statSync(logFile).size > 0) {
      warn(`${file} is missing but ${logFile} has events: writing a fresh (empty) initial state to replay them on`);
    }
    await writeFileAtomically(file, encodeInitState(state));
    return state;
  }
  try {
    return parseInitState(text, { depth, tradeHistory });
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
  }
}
