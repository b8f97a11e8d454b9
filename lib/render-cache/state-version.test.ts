import { afterAll, describe, expect, it } from 'vitest';
import { sharedStore } from '../eventstore';
import { counterDefinition, counterOptions, tempDir } from '../eventstore/testing/counter';
import { noteSettingsRevision } from '../settings/revision';
import { dayIn, stateVersion } from './state-version';

const store = sharedStore({ ...counterOptions(tempDir()), name: 'state-version-test' });
afterAll(() => store.close());

describe('stateVersion', () => {
  it('is the seq of each store and the day, and moves on with every write', async () => {
    await store.ready;
    const day = dayIn('UTC');
    expect(stateVersion([counterDefinition('state-version-test')], 'UTC')).toBe(`0.${day}.s0`);
    await store.dispatch({ type: 'Added', data: { n: 1 } });
    expect(stateVersion([counterDefinition('state-version-test')], 'UTC')).toBe(`1.${day}.s0`);
  });

  it('moves on when the site settings are saved, so cached pages show them at once', () => {
    const before = stateVersion([counterDefinition('state-version-test')], 'UTC');
    noteSettingsRevision(7);
    const after = stateVersion([counterDefinition('state-version-test')], 'UTC');
    expect(after).not.toBe(before);
    expect(after).toMatch(/\.s7$/);
  });

  it('is undefined while a store does not exist in this process', () => {
    expect(stateVersion([counterDefinition('state-version-test'), counterDefinition('never-created')], 'UTC')).toBeUndefined();
  });
});

describe('dayIn', () => {
  it('is the date in the given zone', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(dayIn('UTC', instant)).toBe('2026-12-31');
    expect(dayIn('Europe/Berlin', instant)).toBe('2027-01-01');
    expect(dayIn('America/New_York', instant)).toBe('2026-12-31');
  });
});
