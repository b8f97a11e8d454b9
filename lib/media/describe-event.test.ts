import { describe, expect, it } from 'vitest';
import type { EnvelopeOf } from '../eventstore';
import type { MediaEvent } from './events';
import { describeMediaEvent, nowTitled } from './describe-event';
import { finished, fold } from './testing/media-fixtures';

const { envelopes, states } = fold(
  finished('d', { title: 'Dune', rating: 3 }),
  { type: 'MediaEdited', data: { entryId: 'd', changes: { rating: { from: 3, to: 4 }, title: { from: 'Dune', to: 'Dune Messiah' } } } },
  { type: 'MediaRemoved', data: { entryId: 'd' } },
  { type: 'MediaRestored', data: { entryId: 'd' } },
  finished('p', { title: 'Secret Diary', kind: 'podcast', visibility: 'private' }),
  { type: 'AnnouncementPosted', data: { entryId: 'd', channel: 'mastodon', postId: '1', attempt: 1 } },
  { type: 'AnnouncementFailed', data: { entryId: 'd', channel: 'x', attempt: 3, error: 'HTTP 503', final: true } },
  { type: 'AnnouncementRetryRequested', data: { entryId: 'd', channel: 'x' } },
  { type: 'AnnouncementFailed', data: { entryId: 'd', channel: 'bluesky', attempt: 1, error: 'timeout', final: false } },
  { type: 'AnnouncementSkipped', data: { entryId: 'p', reason: 'the entry is private' } },
);
const text = (seq: number) => describeMediaEvent(envelopes[seq - 1]!, states[seq - 1]!, states[seq]!).text;

describe('describeMediaEvent', () => {
  it('says what each change did, naming the entry by its title at the time', () => {
    expect(text(1)).toBe("logged 'Dune' (book)");
    expect(text(2)).toBe("edited 'Dune': rating 3 -> 4, title 'Dune' -> 'Dune Messiah'");
    expect(text(3)).toBe("removed 'Dune Messiah'");
    expect(text(4)).toBe("restored 'Dune Messiah'");
    expect(text(5)).toBe("logged 'Secret Diary' (podcast, private)");
  });

  it('reports announcement results', () => {
    expect(text(6)).toBe("announced 'Dune Messiah' on Mastodon");
    expect(text(7)).toBe("announcing 'Dune Messiah' on X failed (attempt 3): HTTP 503; gave up");
    expect(text(8)).toBe("asked to retry announcing 'Dune Messiah' on X");
    expect(text(9)).toBe("announcing 'Dune Messiah' on Bluesky failed (attempt 1): timeout; will retry");
    expect(text(10)).toBe("did not announce 'Secret Diary': the entry is private");
  });

  it('gives the entry it is about, and marks an undo with the event it reverses', () => {
    const undo = { ...envelopes[2]!, id: 'undo:2' } as EnvelopeOf<MediaEvent>;
    expect(describeMediaEvent(undo, states[2]!, states[3]!)).toEqual({ text: "removed 'Dune Messiah' (undo of #2)", entryId: 'd', title: 'Dune Messiah' });
  });

  it('names an entry the state does not know by its id rather than failing', () => {
    const orphan = { seq: 1, id: 'x', at: '2026-11-23T08:00:00.000Z', type: 'MediaRemoved', data: { entryId: 'gone' } } as EnvelopeOf<MediaEvent>;
    expect(describeMediaEvent(orphan, states[0]!, states[0]!).text).toBe('removed entry gone');
  });

  it('shortens very long titles', () => {
    const long = fold(finished('l', { title: 'x'.repeat(100) }));
    expect(describeMediaEvent(long.envelopes[0]!, long.states[0]!, long.states[1]!).text).toBe(`logged '${'x'.repeat(59)}…' (book)`);
  });
});

describe('nowTitled', () => {
  it('adds the current title only when it differs from the one at the time', () => {
    const now = states.at(-1)!;
    expect(nowTitled(describeMediaEvent(envelopes[0]!, states[0]!, states[1]!), now)).toBe(" (now titled 'Dune Messiah')");
    expect(nowTitled(describeMediaEvent(envelopes[2]!, states[2]!, states[3]!), now)).toBe('');
  });

  it('says started, progress, abandoned, restarted and finished in words', () => {
    const m = fold(
      { type: 'MediaStarted', data: { entryId: 'r', kind: 'book', title: 'Middlemarch', visibility: 'public', announce: false, status: 'in-progress' } },
      { type: 'MediaEdited', data: { entryId: 'r', changes: { progress: { from: null, to: 40 }, tags: { from: null, to: ['classics', 'long'] } } } },
      { type: 'MediaEdited', data: { entryId: 'r', changes: { status: { from: 'in-progress', to: 'abandoned' } } } },
      { type: 'MediaEdited', data: { entryId: 'r', changes: { status: { from: 'abandoned', to: 'in-progress' } } } },
      { type: 'MediaEdited', data: { entryId: 'r', changes: { status: { from: 'in-progress', to: 'finished' }, finishedOn: { from: null, to: '2026-11-20' }, progress: { from: 40, to: null }, rating: { from: null, to: 5 } } } },
    );
    const say = (seq: number) => describeMediaEvent(m.envelopes[seq - 1]!, m.states[seq - 1]!, m.states[seq]!).text;
    expect(say(1)).toBe("started 'Middlemarch' (book)");
    expect(say(2)).toBe("edited 'Middlemarch': progress none -> 40%, tags none -> classics, long");
    expect(say(3)).toBe("abandoned 'Middlemarch'");
    expect(say(4)).toBe("restarted 'Middlemarch'");
    expect(say(5)).toBe("finished 'Middlemarch': rating none -> 5");
  });
});
