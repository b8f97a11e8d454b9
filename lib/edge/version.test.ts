import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../eventstore/open-store';
import { counterDefinition, tempDir } from '../eventstore/testing/counter';
import { noteSettingsRevision } from '../settings/revision';
import { todayIn } from '../media/dates';
import { versionOf } from './version';

process.env.EVENTS_DIR = tempDir();
const definition = counterDefinition('version-test');
const store = openStore(definition);
afterAll(() => store.close());

describe('versionOf', () => {
  it('is the seq of each store read and the day, and moves on with every write', async () => {
    await store.ready;
    const day = todayIn('UTC');
    expect(versionOf({ stores: [definition], day: true }, 'UTC')).toBe(`0.${day}.`);
    await store.dispatch({ type: 'Added', data: { n: 1 } });
    expect(versionOf({ stores: [definition], day: true }, 'UTC')).toBe(`1.${day}.`);
    expect(versionOf({ stores: [definition] }, 'UTC')).toBe('1.'); // a route that does not read the day
  });

  it('moves on when the site settings are saved, for routes that read them', () => {
    const before = versionOf({ stores: [definition], settings: true }, 'UTC');
    noteSettingsRevision(7);
    const after = versionOf({ stores: [definition], settings: true }, 'UTC');
    expect(after).not.toBe(before);
    expect(after).toMatch(/s7$/);
    expect(versionOf({ stores: [definition] }, 'UTC')).toBe('1.');
  });

  it('is undefined while a store does not exist in this process', () => {
    expect(versionOf({ stores: [definition, counterDefinition('never-created')] }, 'UTC')).toBeUndefined();
  });
});

describe('todayIn', () => {
  it('is the date in the given zone', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-12-31');
    expect(todayIn('Europe/Berlin', instant)).toBe('2027-01-01');
    expect(todayIn('America/New_York', instant)).toBe('2026-12-31');
  });

  it('turns the day at the first instant of the minute it begins in, also in a zone half an hour off UTC', () => {
    expect(todayIn('Asia/Kolkata', new Date('2026-12-31T18:29:59.999Z'))).toBe('2026-12-31');
    expect(todayIn('Asia/Kolkata', new Date('2026-12-31T18:30:00.000Z'))).toBe('2027-01-01');
    expect(todayIn('Asia/Kolkata', new Date('2026-12-31T18:29:30.000Z'))).toBe('2026-12-31');
    expect(todayIn('UTC', new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
    expect(todayIn('UTC', new Date('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01');
  });
});
