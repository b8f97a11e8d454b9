import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvelopeOf } from '../eventstore';
import { tempDir } from '../eventstore/testing/counter';
import { abandonEntry, finishEntry, logEntry, patchEntry, restartEntry, setProgress, undoChange } from './commands';
import type { MediaEvent } from './events';
import { decideMedia } from './decide';
import { evolveMedia, initialMediaState } from './projection';
import { mediaStore, readyMediaStore } from './store';
import { ownerToday } from './today';

const started = { kind: 'book', title: 'Middlemarch', visibility: 'public', announce: false, status: 'in-progress' } as const;
const envelope = (seq: number, event: MediaEvent) => ({ seq, id: `e${seq}`, at: '2026-11-23T08:00:00.000Z', ...event }) as EnvelopeOf<MediaEvent>;
const rejection = (outcome: ReturnType<typeof decideMedia>) => ('rejected' in outcome ? outcome.rejected : undefined);

describe('the rules of statuses (decide, pure)', () => {
  const state = evolveMedia(initialMediaState, envelope(1, { type: 'MediaStarted', data: { entryId: 'm', ...started } }));

  it('refuses a second entry with the same id, and its evolve step is a no-op rather than a throw', () => {
    const again: MediaEvent = { type: 'MediaStarted', data: { entryId: 'm', ...started, title: 'Other' } };
    expect(rejection(decideMedia(again, state))).toMatch(/already exists/);
    expect(evolveMedia(state, envelope(2, again))).toBe(state);
  });

  it('refuses a finished status without its date, and a date on an entry not finished', () => {
    expect(rejection(decideMedia({ type: 'MediaEdited', data: { entryId: 'm', changes: { status: { from: 'in-progress', to: 'finished' } } } }, state))).toMatch(
      /finished entry needs its finished date/,
    );
    expect(rejection(decideMedia({ type: 'MediaEdited', data: { entryId: 'm', changes: { finishedOn: { from: null, to: '2026-11-01' } } } }, state))).toMatch(
      /Only a finished entry has a finished date/,
    );
    const finish = { status: { from: 'in-progress', to: 'finished' }, finishedOn: { from: null, to: '2026-11-01' } } as const;
    expect(rejection(decideMedia({ type: 'MediaEdited', data: { entryId: 'm', changes: finish } }, state))).toBeUndefined();
  });

  it('refuses clearing the status on dispatch; evolve ignores such a change instead of throwing', () => {
    const clear: MediaEvent = { type: 'MediaEdited', data: { entryId: 'm', changes: { status: { from: 'in-progress', to: null }, progress: { from: null, to: 5 } } } };
    expect(rejection(decideMedia(clear, state))).toMatch(/status cannot be cleared/);
    const after = evolveMedia(state, envelope(2, clear));
    expect(after.entries.get('m')).toMatchObject({ status: 'in-progress', progress: 5 });
  });

  it('compares tag lists by value, so an edit made from the current tags is not stale', () => {
    const tagged = evolveMedia(state, envelope(2, { type: 'MediaEdited', data: { entryId: 'm', changes: { tags: { from: null, to: ['a', 'b'] } } } }));
    const retag: MediaEvent = { type: 'MediaEdited', data: { entryId: 'm', changes: { tags: { from: ['a', 'b'], to: ['c'] } } } };
    expect(rejection(decideMedia(retag, tagged))).toBeUndefined();
    const stale: MediaEvent = { type: 'MediaEdited', data: { entryId: 'm', changes: { tags: { from: ['x'], to: ['c'] } } } };
    expect(rejection(decideMedia(stale, tagged))).toMatch(/tags changed since this edit was made/);
    // Replayed anyway (a log today's rules refuse still boots): the `to` value is applied.
    expect(evolveMedia(tagged, envelope(3, stale)).entries.get('m')!.tags).toEqual(['c']);
  });

  it('keeps an entry in progress under Now and out of the feed until it is finished', () => {
    expect(state.now).toEqual(['m']);
    expect([...state.feed]).toEqual([]);
    const done = evolveMedia(state, envelope(2, { type: 'MediaEdited', data: { entryId: 'm', changes: { status: { from: 'in-progress', to: 'finished' }, finishedOn: { from: null, to: '2026-11-01' } } } }));
    expect(done.now).toEqual([]);
    expect([...done.feed]).toEqual(['m']);
    expect(done.counts.byYear['2026']).toEqual({ book: 1 });
  });
});

describe('status commands', () => {
  beforeAll(() => {
    process.env.EVENTS_DIR = tempDir('shelf-rules-');
  });
  afterAll(async () => {
    await mediaStore().close();
  });
  const version = async () => (await readyMediaStore()).version();

  it('starts an entry, records progress, finishes it once and refuses finishing it twice', async () => {
    const logged = await logEntry({ kind: 'book', title: 'Middlemarch', status: 'in-progress', startedOn: '2026-01-02', progress: 10, tags: [' Classics', 'classics', 'Long Reads '] });
    if (!logged.ok) throw new Error(logged.error);
    expect(logged.value).toMatchObject({ status: 'in-progress', startedOn: '2026-01-02', progress: 10, tags: ['classics', 'long reads'] });
    expect(logged.value.finishedOn).toBeUndefined();
    const id = logged.value.id;

    expect(await setProgress(id, 60)).toMatchObject({ ok: true, value: { progress: 60 } });
    const finished = await finishEntry(id);
    expect(finished).toMatchObject({ ok: true, value: { status: 'finished', finishedOn: ownerToday() } });
    if (finished.ok) expect(finished.value.progress).toBeUndefined();

    const before = await version();
    expect(await finishEntry(id)).toMatchObject({ ok: false, error: expect.stringMatching(/already finished/) });
    expect(await setProgress(id, 70)).toMatchObject({ ok: false, error: expect.stringMatching(/only for an entry in progress/) });
    expect(await version()).toBe(before);
  });

  it('abandons an entry in progress and restarts an abandoned one; refuses the others', async () => {
    const logged = await logEntry({ kind: 'game', title: 'Elden Ring', status: 'in-progress' });
    if (!logged.ok) throw new Error(logged.error);
    const id = logged.value.id;
    expect(await restartEntry(id)).toMatchObject({ ok: false, error: expect.stringMatching(/Only an abandoned entry can be restarted/) });
    expect(await abandonEntry(id)).toMatchObject({ ok: true, value: { status: 'abandoned' } });
    expect(await abandonEntry(id)).toMatchObject({ ok: false });
    expect(await restartEntry(id)).toMatchObject({ ok: true, value: { status: 'in-progress' } });
    expect((await readyMediaStore()).snapshot().now).toContain(id);
  });

  it('undoes a finish: back in progress, out of the feed', async () => {
    const logged = await logEntry({ kind: 'book', title: 'Undo me', status: 'in-progress' });
    if (!logged.ok) throw new Error(logged.error);
    const finished = await finishEntry(logged.value.id);
    if (!finished.ok) throw new Error(finished.error);
    expect(await undoChange(finished.value.id, finished.value.updatedSeq)).toMatchObject({ ok: true, value: { status: 'in-progress' } });
    expect([...(await readyMediaStore()).snapshot().feed]).not.toContain(finished.value.id);
  });

  it('patches only what is given, validates like a POST and records nothing on an error', async () => {
    const logged = await logEntry({ kind: 'movie', title: 'Alien', rating: 4, finishedOn: '2026-03-01' });
    if (!logged.ok) throw new Error(logged.error);
    const id = logged.value.id;
    const before = await version();
    expect(await patchEntry(id, { rating: 7, tags: ['x'.repeat(41)], nonsense: 1 })).toMatchObject({
      ok: false,
      fields: { rating: expect.stringMatching(/at most 5/), tags: expect.stringMatching(/at most 40/), nonsense: expect.any(String) },
    });
    expect(await patchEntry(id, { finishedOn: '2999-01-01' })).toMatchObject({ ok: false, fields: { finishedOn: expect.any(String) } });
    expect(await version()).toBe(before);

    expect(await patchEntry(id, { rating: 4.5, tags: ['Horror'] })).toMatchObject({ ok: true, value: { rating: 4.5, tags: ['horror'], title: 'Alien' } });
    const [edit] = await (await readyMediaStore()).read(before + 1);
    expect(edit).toMatchObject({ type: 'MediaEdited', data: { changes: { rating: { from: 4, to: 4.5 }, tags: { from: null, to: ['horror'] } } } });
    expect(Object.keys((edit as EnvelopeOf<Extract<MediaEvent, { type: 'MediaEdited' }>>).data.changes).sort()).toEqual(['rating', 'tags']);

    // A status change brings its dates: back in progress drops the finished date.
    expect(await patchEntry(id, { status: 'in-progress' })).toMatchObject({ ok: true, value: { status: 'in-progress' } });
    expect((await readyMediaStore()).snapshot().entries.get(id)!.finishedOn).toBeUndefined();
    expect(await patchEntry(id, { status: 'finished', finishedOn: '2026-04-01', startedOn: '2026-05-01' })).toMatchObject({
      ok: false,
      fields: { startedOn: expect.stringMatching(/on or before the finished date/) },
    });
  });

  it('refuses more than 10 tags, naming the field', async () => {
    const tags = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect(await logEntry({ kind: 'book', title: 'Tagged', tags })).toMatchObject({ ok: false, fields: { tags: 'At most 10 tags' } });
  });
});
