// The Webmention log's rules, checked on dispatch only.
import { reject, type Rejection } from '../eventstore/types';
import type { WebmentionEvent } from './events';
import { pendingKey, type WebmentionState } from './projection';

/** Verifications waiting at most: past it POST /webmention answers 503 (a bounded queue). */
export const MAX_PENDING = 500;

export function decideWebmention(input: WebmentionEvent, state: WebmentionState): WebmentionEvent | Rejection {
  switch (input.type) {
    case 'WebmentionReceived':
      if (state.pending.has(pendingKey(input.data.source, input.data.target))) return reject('already waiting to be verified');
      if (state.pending.size >= MAX_PENDING) return reject(`${MAX_PENDING} Webmentions are waiting to be verified already`);
      return input;
    case 'MentionHidden':
    case 'MentionShown':
      return state.mentions.get(input.data.entryId)?.some((m) => m.source === input.data.source) ? input : reject('no such mention');
    default:
      return input;
  }
}
