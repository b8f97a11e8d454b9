import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../eventstore/testing/counter';
import { describeMediaEvent } from './describe-event';
import { finishEntry, logAutomatic, logEntry, patchEntry } from './commands';
import { mediaEventSchema } from './events';
import { hookSourceOfEventId } from './logged-by';
import { evolveMedia, initialMediaState } from './projection';
import { mediaStore, readyMediaStore } from './store';

beforeAll(() => {
  process.env.EVENTS_DIR = tempDir('shelf-automatic-');
});
afterAll(async () => {
  await mediaStore().close();
});

const version = async () => (await readyMediaStore()).version();

describe('entries a media server logs (logAutomatic)', () => {
  it('records loggedBy on the entry, and the same entry id and event id again is a duplicate that appends nothing', async () => {
    const input = { kind: 'movie', title: 'Arrival', finishedOn: '2026-11-20' };
    const ids = { entryId: 'jellyfin-abc-20261120', eventId: 'hook:jellyfin:abc:2026-11-20', loggedBy: 'jellyfin' as const };
    const first = await logAutomatic(input, ids);
    expect(first).toMatchObject({ ok: true, value: { duplicate: false, entry: { id: ids.entryId, loggedBy: 'jellyfin', status: 'finished' } } });
    const before = await version();
    const again = await logAutomatic({ ...input, coverUrl: 'https://img.example/arrival.jpg' }, ids);
    expect(again).toMatchObject({ ok: true, value: { duplicate: true, entry: { id: ids.entryId } } });
    expect(await version()).toBe(before);
    const [event] = await (await readyMediaStore()).read(before, before);
    expect(event).toMatchObject({ id: ids.eventId, type: 'MediaFinished', data: { loggedBy: 'jellyfin' } });
    expect(hookSourceOfEventId(event!.id)).toBe('jellyfin');
  });

  it('starts a show in progress with its progress note, and refuses bad input by field, appending nothing', async () => {
    const started = await logAutomatic(
      { kind: 'show', title: 'Severance', status: 'in-progress', startedOn: '2026-11-20', progressNote: 'S01E03' },
      { entryId: 'plex-show-77', eventId: 'hook:plex:78:2026-11-20', loggedBy: 'plex' },
    );
    expect(started).toMatchObject({ ok: true, value: { entry: { status: 'in-progress', progressNote: 'S01E03', loggedBy: 'plex' } } });
    const before = await version();
    const bad = await logAutomatic({ kind: 'show', title: '', status: 'in-progress' }, { entryId: 'plex-show-78', eventId: 'hook:plex:79:2026-11-20', loggedBy: 'plex' });
    expect(bad).toMatchObject({ ok: false, fields: { title: 'Title is required' } });
    expect(await version()).toBe(before);
  });
});

describe('progress note', () => {
  it('is kept while in progress, refused on a finished entry, and dropped when the entry is finished', async () => {
    expect(await logEntry({ kind: 'book', title: 'Done', finishedOn: '2026-11-01', progressNote: 'chapter 3' })).toMatchObject({
      ok: false,
      fields: { progressNote: 'A progress note is only for entries not finished yet' },
    });
    const logged = await logEntry({ kind: 'book', title: 'Middlemarch', status: 'in-progress', progressNote: 'chapter 12' });
    if (!logged.ok) throw new Error(logged.error);
    expect(logged.value.progressNote).toBe('chapter 12');
    const finished = await finishEntry(logged.value.id, '2026-11-21');
    expect(finished.ok && finished.value.progressNote).toBe(undefined);
  });

  it('a change with an event id is recorded once, however often it is sent', async () => {
    const logged = await logEntry({ kind: 'show', title: 'Andor', status: 'in-progress', progressNote: 'S01E01' });
    if (!logged.ok) throw new Error(logged.error);
    const before = await version();
    for (let i = 0; i < 3; i++) expect(await patchEntry(logged.value.id, { progressNote: 'S01E02' }, 'hook:emby:e2:2026-11-21')).toMatchObject({ ok: true, value: { progressNote: 'S01E02' } });
    expect(await version()).toBe(before + 1);
  });
});

describe('older logs and the history', () => {
  it('replays events without loggedBy or progressNote as they are', () => {
    const old = mediaEventSchema.parse({ type: 'MediaStarted', data: { entryId: 'o', kind: 'book', title: 'Old', visibility: 'public', announce: false, status: 'in-progress', progress: 10 } });
    const state = evolveMedia(initialMediaState, { ...old, seq: 1, id: 'x', at: '2025-01-01T00:00:00.000Z' } as never);
    expect(state.entries.get('o')).toMatchObject({ progress: 10 });
    expect(state.entries.get('o')!.loggedBy).toBeUndefined();
  });

  it('says which server logged or changed an entry', () => {
    const event = { seq: 1, id: 'hook:plex:9:2026-11-20', at: '2026-11-20T20:00:00.000Z', type: 'MediaFinished', data: { entryId: 'p', kind: 'movie', title: 'Heat', finishedOn: '2026-11-20', visibility: 'public', announce: false, loggedBy: 'plex' } } as const;
    const after = evolveMedia(initialMediaState, event);
    expect(describeMediaEvent(event, initialMediaState, after).text).toBe("logged 'Heat' (movie) by Plex");
    const edit = { seq: 2, id: 'hook:plex:rate:9:8:2026-11-20', at: '2026-11-20T21:00:00.000Z', type: 'MediaEdited', data: { entryId: 'p', changes: { rating: { from: null, to: 4 } } } } as const;
    expect(describeMediaEvent(edit, after, evolveMedia(after, edit)).text).toBe("edited 'Heat': rating none -> 4 by Plex");
  });
});
