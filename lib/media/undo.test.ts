import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvelopeOf } from '../eventstore';
import { tempDir } from '../eventstore/testing/counter';
import { editEntry, logEntry, removeEntry, restoreEntry, undoChange } from './commands';
import type { MediaEvent } from './events';
import { decideMedia } from './decide';
import { initialMediaState, evolveMedia } from './projection';
import { mediaStore, readyMediaStore } from './store';
import { compensatingEvent, undoEventId, undoneSeq, type EntryChangeEvent } from './undo';

const at = '2026-11-23T08:00:00.000Z';
const envelope = <E extends MediaEvent>(seq: number, event: E) => ({ seq, id: `e${seq}`, at, ...event }) as unknown as EnvelopeOf<E>;
const entry = { kind: 'book', title: 'Dune', finishedOn: '2026-11-01', visibility: 'public', announce: false } as const;

describe('compensatingEvent', () => {
  it('reverses each kind of change', () => {
    const data = { entryId: 'd' };
    expect(compensatingEvent(envelope(1, { type: 'MediaFinished', data: { ...data, ...entry } }))).toEqual({ type: 'MediaRemoved', data });
    expect(compensatingEvent(envelope(2, { type: 'MediaRemoved', data }))).toEqual({ type: 'MediaRestored', data });
    expect(compensatingEvent(envelope(3, { type: 'MediaRestored', data }))).toEqual({ type: 'MediaRemoved', data });
    const edit: EntryChangeEvent = { type: 'MediaEdited', data: { entryId: 'd', changes: { rating: { from: null, to: 4 }, title: { from: 'Dune', to: 'Dune Messiah' } } } };
    expect(compensatingEvent(envelope(4, edit))).toEqual({
      type: 'MediaEdited',
      data: { entryId: 'd', changes: { rating: { from: 4, to: null }, title: { from: 'Dune Messiah', to: 'Dune' } } },
    });
  });

  it('gives a swapped edit that decide refuses once a field has changed since', () => {
    const edit = envelope(2, { type: 'MediaEdited', data: { entryId: 'd', changes: { title: { from: 'Dune', to: 'Dune Messiah' } } } } as const);
    let state = evolveMedia(initialMediaState, envelope(1, { type: 'MediaFinished', data: { entryId: 'd', ...entry } }));
    state = evolveMedia(state, edit);
    state = evolveMedia(state, envelope(3, { type: 'MediaEdited', data: { entryId: 'd', changes: { title: { from: 'Dune Messiah', to: 'Children of Dune' } } } }));
    expect(decideMedia(compensatingEvent(edit), state)).toEqual({ rejected: expect.stringMatching(/title changed since this edit was made/) });
  });

  it('names the undo event after the event it reverses', () => {
    expect(undoneSeq(undoEventId(42))).toBe(42);
    expect(undoneSeq('42')).toBeUndefined();
    expect(undoneSeq('undo:x')).toBeUndefined();
  });
});

describe('undoChange (the command)', () => {
  beforeAll(() => {
    process.env.EVENTS_DIR = tempDir('shelf-undo-');
  });
  afterAll(async () => {
    await mediaStore().close();
  });

  const entryNow = async (id: string) => (await readyMediaStore()).snapshot().entries.get(id)!;
  const log = async () => (await readyMediaStore()).read(1);

  it('undoes an edit, a removal, a restore and the logging itself, each with a new event', async () => {
    const logged = await logEntry({ kind: 'book', title: 'Dune', rating: 3 });
    if (!logged.ok) throw new Error(logged.error);
    const id = logged.value.id;
    const edited = await editEntry(id, { kind: 'book', title: 'Dune Messiah', rating: 4, finishedOn: logged.value.finishedOn });
    expect(edited.ok).toBe(true);

    const editSeq = (await entryNow(id)).updatedSeq;
    expect(await undoChange(id, editSeq)).toMatchObject({ ok: true, value: { title: 'Dune', rating: 3 } });

    await removeEntry(id);
    expect(await undoChange(id, (await entryNow(id)).updatedSeq)).toMatchObject({ ok: true, value: { removed: false } });
    expect(await undoChange(id, (await entryNow(id)).updatedSeq)).toMatchObject({ ok: true, value: { removed: true } }); // undo the undo
    await restoreEntry(id);
    expect(await undoChange(id, (await entryNow(id)).updatedSeq)).toMatchObject({ ok: true, value: { removed: true } });
    await restoreEntry(id);

    const events = await log();
    expect(events.map((e) => e.type)).toEqual([
      'MediaFinished', 'MediaEdited', 'MediaEdited', 'MediaRemoved', 'MediaRestored', 'MediaRemoved', 'MediaRestored', 'MediaRemoved', 'MediaRestored',
    ]);
    expect(events[2]).toMatchObject({ id: 'undo:2', data: { changes: { title: { from: 'Dune Messiah', to: 'Dune' }, rating: { from: 4, to: 3 } } } });

    expect(await undoChange(id, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/changed after it .*only an entry's latest change can be undone/) });
    const latest = (await entryNow(id)).updatedSeq;
    expect(await undoChange(id, latest)).toMatchObject({ ok: true, value: { removed: true } });
  });

  it('appends nothing when the same undo is asked twice', async () => {
    const logged = await logEntry({ kind: 'game', title: 'Outer Wilds' });
    if (!logged.ok) throw new Error(logged.error);
    const seq = logged.value.updatedSeq;
    const [first, second] = [await undoChange(logged.value.id, seq), await undoChange(logged.value.id, seq)];
    expect(first).toMatchObject({ ok: true, value: { removed: true } });
    expect(second).toMatchObject({ ok: true, value: { removed: true } });
    expect((await log()).filter((e) => e.id === undoEventId(seq))).toHaveLength(1);
  });

  it('refuses an event that is not a change to that entry', async () => {
    const a = await logEntry({ kind: 'movie', title: 'Alien' });
    const b = await logEntry({ kind: 'movie', title: 'Aliens' });
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(await undoChange(a.value.id, b.value.updatedSeq)).toMatchObject({ ok: false, error: expect.stringMatching(/is not a change to “Alien”/) });
    expect(await undoChange(a.value.id, 10_000)).toMatchObject({ ok: false, error: 'There is no event #10000' });
    expect(await undoChange('nope', 1)).toMatchObject({ ok: false, error: 'That entry does not exist' });
  });
});
