import { Map as PersistentMap } from 'immutable';
import { describe, expect, it } from 'vitest';
import { decideWebmention, MAX_PENDING } from './decide';
import { initialWebmentionState, pendingKey } from './projection';

const received = (source: string) => ({ type: 'WebmentionReceived' as const, data: { source, target: 'https://shelf.example/entries/a', entryId: 'a' } });

describe('the Webmention rules', () => {
  it('queue one verification per source and target, and at most MAX_PENDING in all', () => {
    const one = { ...initialWebmentionState, pending: PersistentMap([[pendingKey('https://a.example/', 'https://shelf.example/entries/a'), 1]]) };
    expect(decideWebmention(received('https://a.example/'), one)).toEqual({ rejected: 'already waiting to be verified' });
    expect(decideWebmention(received('https://b.example/'), one)).toEqual(received('https://b.example/'));
    const full = { ...initialWebmentionState, pending: PersistentMap(Array.from({ length: MAX_PENDING }, (_, i) => [`k${i}`, i] as [string, number])) };
    expect(decideWebmention(received('https://b.example/'), full)).toEqual({ rejected: `${MAX_PENDING} Webmentions are waiting to be verified already` });
  });

  it('hide and show only a mention that exists', () => {
    expect(decideWebmention({ type: 'MentionHidden', data: { source: 'https://a.example/', entryId: 'a' } }, initialWebmentionState)).toEqual({ rejected: 'no such mention' });
  });
});
