import { describe, expect, it } from 'vitest';
import { STORES } from '../../stores';
import { HISTORY_SOURCES } from './index';

describe('the history sources', () => {
  it('are the list of stores, in order, each built on its own definition', () => {
    expect(HISTORY_SOURCES.length).toBe(STORES.length);
    HISTORY_SOURCES.forEach((source, i) => expect(source.definition).toBe(STORES[i]));
    for (const source of HISTORY_SOURCES) expect(source.eventTypes).toEqual(source.definition.eventTypes);
  });
});
