import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createStandaloneDocument } from '../documents/document';
import { initFileSchema, initialOrderbook, INIT_FILE, parseInitState } from './init-state';
import type { OrderbookState } from './state';

/** The text of `<dir>/orderbook.init.json`, or undefined when there is none yet. */
export function readInitFile(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, INIT_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

interface InitOptions {
  dir: string;
  depth: number;
  tradeHistory?: number;
  /**
   * The init file's text as read when the store's options were made (undefined: there was none):
   * the state is built from exactly the bytes the snapshot version hashes.
   */
  text: string | undefined;
  /** The log that is replayed on top of the init state (only to warn when the init file went missing). */
  logFile: string;
  warn?: (message: string) => void;
}

/**
 * The orderbook's state before its first event: parsed (with the document's schema and the book's
 * rules) from the init file's text exactly as hashed into the snapshot version, or, at the
 * first boot (no file yet), written to `<dir>/orderbook.init.json` (atomically) and returned. Later
 * boots always read the file, never regenerate it. Runs inside the store's boot, so this process
 * holds the directory's writer lock.
 */
export async function loadInitState({ dir, depth, tradeHistory, text, logFile, warn = console.warn }: InitOptions): Promise<OrderbookState> {
  const file = join(dir, INIT_FILE);
  if (text === undefined) {
    const state = initialOrderbook();
    if (existsSync(logFile) && statSync(logFile).size > 0) {
      warn(`${file} is missing but ${logFile} has events: writing a fresh (empty) initial state to replay them on`);
    }
    // Through its lowdb document (atomic write, zod check), which writes exactly encodeInitState's
    // bytes: the text the snapshot version hashed for this boot (see rules.ts).
    await createStandaloneDocument(file, initFileSchema, initialOrderbook).update(() => ({ bids: [...state.bids], asks: [...state.asks], trades: [...state.trades] }));
    return state;
  }
  try {
    return parseInitState(text, { depth, tradeHistory });
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
  }
}
