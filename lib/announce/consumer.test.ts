import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readCheckpoint } from './checkpoint';
import { X_DUPLICATE_POST_ID } from './channels/x';
import { NO_CHANNEL_REASON } from './eligibility';
import type { Channel } from './events';
import { requestAnnouncementRetry } from './retry';
import { dune, failingDispatch, Harness } from './testing/harness';
import { NETWORKS, type Network } from './testing/stand-in';

let harnesses: Harness[] = [];
let networks: Network[] = [];

async function setup(...channels: Channel[]): Promise<{ h: Harness; nets: Record<Channel, Network> }> {
  const nets = {} as Record<Channel, Network>;
  for (const channel of channels) {
    nets[channel] = await NETWORKS[channel]();
    networks.push(nets[channel]);
  }
  const h = new Harness([]);
  h.channels = channels.map((c) => nets[c].client(() => h.clock));
  harnesses.push(h);
  await h.open();
  return { h, nets };
}

afterEach(async () => {
  await Promise.all(harnesses.map((h) => h.dispose()));
  await Promise.all(networks.map((n) => n.close()));
  harnesses = [];
  networks = [];
});

const keys = (net: Network) => net.requests.map((r) => net.keyOf(r));

describe.each(['mastodon', 'bluesky', 'webhook', 'x'] as const)('announcing to %s', (channel) => {
  it('makes exactly one post when the network fails twice and then accepts', async () => {
    const { h, nets } = await setup(channel);
    const net = nets[channel];
    net.plan.push({ status: 503 }, { status: 502 });
    const id = await h.finish();
    await h.idle();

    expect(net.requests).toHaveLength(3);
    expect(new Set(keys(net)).size).toBe(1);
    expect(net.posts.size).toBe(1);
    const failed = await h.events('AnnouncementFailed');
    expect(failed.map((e) => e.data)).toEqual([
      { entryId: id, channel, attempt: 1, error: expect.stringContaining('HTTP 503'), final: false },
      { entryId: id, channel, attempt: 2, error: expect.stringContaining('HTTP 502'), final: false },
    ]);
    expect(await h.events('AnnouncementPosted')).toHaveLength(1);
    expect(h.status(id, channel)).toMatchObject({ state: 'posted', attempts: 3 });
    // Exponential backoff with jitter: base 1 s, then 2 s, each at a random point of its upper half (0.5 here).
    expect(h.sleeps).toEqual([750, 1500]);
    expect(h.announcer!.checkpoint()).toBe(h.store.version());
    expect(await readCheckpoint(h.checkpointFile)).toBe(h.store.version());
  });

  it('records a post in flight when stopped, and never sends it again after the restart', async () => {
    const { h, nets } = await setup(channel);
    const net = nets[channel];
    // The network has the post when the stop (SIGTERM) comes; its answer is still on the way.
    let stopped: Promise<void> | undefined;
    net.afterAccept = async () => {
      net.afterAccept = undefined;
      stopped = h.announcer!.stop();
    };
    const id = await h.finish();
    await h.idle();
    await stopped;
    expect(await h.events('AnnouncementPosted')).toHaveLength(1);
    await h.restart();
    await h.idle();
    expect(net.requests).toHaveLength(1);
    expect(h.status(id, channel)).toMatchObject({ state: 'posted', attempts: 1 });
  });

  it('resends at most once, under the same key, when killed after the network accepted and before recording', async () => {
    const { h, nets } = await setup(channel);
    const net = nets[channel];
    await h.restart({ stopGraceMs: 0 }); // a stop that is a kill: what is in flight is given up
    // The network takes the post; the announcer dies before it hears back.
    net.afterAccept = async () => {
      net.afterAccept = undefined;
      await h.announcer!.stop();
    };
    const id = await h.finish();
    await h.idle();
    const finishedSeq = h.store.snapshot().entries.get(id)!.seq;
    expect(net.posts.size).toBe(1);
    expect(await h.events('AnnouncementPosted')).toHaveLength(0);
    expect(await readCheckpoint(h.checkpointFile)).toBeLessThan(finishedSeq);

    await h.restart();
    await h.idle();
    expect(net.requests).toHaveLength(2);
    const [first, second] = keys(net);
    expect(second).toBe(first);
    expect(net.posts.size).toBe(1);
    const posted = await h.events('AnnouncementPosted');
    expect(posted).toHaveLength(1);
    const expected: Record<Channel, string> = {
      mastodon: net.posts.get(first!)?.json.answer?.id,
      bluesky: `at://did:plc:shelftestowner/app.bsky.feed.post/${first}`,
      webhook: first!,
      x: X_DUPLICATE_POST_ID,
    };
    expect(posted[0]!.data).toMatchObject({ entryId: id, channel, postId: expected[channel], attempt: 1 });
  });
});

describe('the announcer', () => {
  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const { h, nets } = await setup('mastodon', 'webhook');
    nets.mastodon.plan.push({ status: 429, headers: { 'retry-after': '7' } });
    nets.webhook.plan.push({ status: 429, headers: { 'retry-after': new Date(h.clock + 120_000).toUTCString() } });
    const id = await h.finish();
    await h.idle();
    expect([...h.sleeps].sort((a, b) => a - b)).toEqual([7_000, 120_000]);
    expect(h.status(id, 'mastodon')).toMatchObject({ state: 'posted', attempts: 2 });
    expect(h.status(id, 'webhook')).toMatchObject({ state: 'posted', attempts: 2 });
  });

  it('re-sends nothing already recorded after a restart between posts', async () => {
    const { h, nets } = await setup('mastodon', 'webhook');
    const a = await h.finish({ title: 'Dune' });
    await h.idle();
    await h.restart();
    const b = await h.finish({ title: 'Children of Dune' });
    await h.idle();
    for (const net of [nets.mastodon, nets.webhook]) {
      expect(net.requests).toHaveLength(2);
      expect(new Set(keys(net)).size).toBe(2);
    }
    const posted = (await h.events('AnnouncementPosted')).map((e) => `${e.data.entryId} ${e.data.channel}`);
    expect(posted.sort()).toEqual([`${a} mastodon`, `${a} webhook`, `${b} mastodon`, `${b} webhook`].sort());
    expect(await readCheckpoint(h.checkpointFile)).toBe(h.store.version());
  });

  it('resends with the same event id when recording the result failed, and only then', async () => {
    const { h, nets } = await setup('webhook');
    await h.restart({ wrap: (store) => failingDispatch(store, 'AnnouncementPosted') });
    const a = await h.finish({ title: 'Dune' });
    await h.idle();
    expect(nets.webhook.requests).toHaveLength(1);
    expect(h.status(a, 'webhook')).toBeUndefined();
    expect(h.logs.some((m) => m.includes('could not record AnnouncementPosted'))).toBe(true);
    // Other entries go on; the checkpoint waits before the unrecorded one.
    const b = await h.finish({ title: 'Children of Dune' });
    await h.idle();
    expect(h.status(b, 'webhook')).toMatchObject({ state: 'posted' });
    expect(await readCheckpoint(h.checkpointFile)).toBe(h.store.snapshot().entries.get(a)!.seq - 1);

    await h.restart();
    await h.idle();
    const idsOfA = nets.webhook.requests.filter((r) => r.json.entry.id === a).map((r) => r.headers['shelf-event-id']);
    expect(idsOfA).toHaveLength(2);
    expect(idsOfA[1]).toBe(idsOfA[0]);
    expect(nets.webhook.requests.filter((r) => r.json.entry.id === b)).toHaveLength(1);
    expect(h.status(a, 'webhook')).toMatchObject({ state: 'posted' });
    expect(nets.webhook.posts.size).toBe(2);
  });

  it('resumes a retry after a restart, after its backoff', async () => {
    const { h, nets } = await setup('mastodon');
    nets.mastodon.plan.push({ status: 500 });
    h.onSleep = () => {
      h.onSleep = undefined;
      void h.announcer!.stop(); // dies while waiting to retry
    };
    const id = await h.finish();
    await h.idle();
    expect(h.status(id, 'mastodon')).toMatchObject({ state: 'retrying', attempts: 1 });
    await h.restart();
    await h.idle();
    expect(h.sleeps).toEqual([750, 750]);
    expect(h.status(id, 'mastodon')).toMatchObject({ state: 'posted', attempts: 2 });
    expect(nets.mastodon.requests).toHaveLength(2);
  });

  it('sends nothing when the whole log is replayed by a fresh store and consumer', async () => {
    const { h, nets } = await setup('mastodon', 'bluesky', 'webhook', 'x');
    for (const title of ['Dune', 'Solaris', 'Piranesi']) await h.finish({ title });
    await h.idle();
    const sent = Object.values(nets).map((n) => n.requests.length);
    expect(sent).toEqual([3, 3, 3, 3]);
    const version = h.store.version();

    // The worst case: a checkpoint at 0, so the consumer reads every event again.
    await h.shutdown();
    writeFileSync(h.checkpointFile, '{"seq":0}\n');
    await h.open();
    await h.idle();
    expect(Object.values(nets).map((n) => n.requests.length)).toEqual(sent);
    expect(h.store.version()).toBe(version);
    expect(await readCheckpoint(h.checkpointFile)).toBe(version);
  });

  it('sends nothing for announce off, private entries, edits and removed entries', async () => {
    const { h, nets } = await setup('mastodon');
    await h.finish({ announce: false });
    await h.finish({ visibility: 'private' });
    const posted = await h.finish({ title: 'Posted once' });
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(1);

    await h.dispatch({ type: 'MediaEdited', data: { entryId: posted, changes: { title: { from: 'Posted once', to: 'Posted once, edited' } } } });
    // Made private and public again: already posted, never twice.
    await h.dispatch({ type: 'MediaEdited', data: { entryId: posted, changes: { visibility: { from: 'public', to: 'private' } } } });
    await h.dispatch({ type: 'MediaEdited', data: { entryId: posted, changes: { visibility: { from: 'private', to: 'public' } } } });
    await h.idle();

    // Removed before the announcer got to it (it was down).
    await h.shutdown();
    await h.open({ withoutAnnouncer: true });
    const removed = await h.finish({ title: 'Removed' });
    await h.dispatch({ type: 'MediaRemoved', data: { entryId: removed } });
    await h.restart();
    await h.idle();

    expect(nets.mastodon.requests).toHaveLength(1);
    expect(nets.mastodon.requests[0]!.json.status).toContain('Posted once');
    expect((await h.events()).filter((e) => e.type.startsWith('Announcement'))).toHaveLength(1);
  });

  it('announces a private entry once it is made public (it asked to be), and an entry given announce later', async () => {
    const { h, nets } = await setup('mastodon');
    const secret = await h.finish({ title: 'Kept quiet', visibility: 'private' });
    const off = await h.finish({ title: 'Changed my mind', announce: false });
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(0);
    await h.dispatch({ type: 'MediaEdited', data: { entryId: secret, changes: { visibility: { from: 'private', to: 'public' } } } });
    await h.dispatch({ type: 'MediaEdited', data: { entryId: off, changes: { announce: { from: false, to: true } } } });
    await h.idle();
    expect(nets.mastodon.requests.map((r) => r.json.status as string).map((t) => t.split('\n')[0])).toEqual([
      expect.stringContaining('Kept quiet'),
      expect.stringContaining('Changed my mind'),
    ]);
    expect(h.status(secret, 'mastodon')?.state).toBe('posted');
  });

  it('announces when an entry is finished, never when started, given progress or abandoned, and once only', async () => {
    const { h, nets } = await setup('mastodon');
    const { finishedOn: _f, ...started } = dune;
    const reading = 'reading-1';
    await h.dispatch({ type: 'MediaStarted', data: { entryId: reading, ...started, title: 'Slow read', status: 'in-progress', startedOn: '2026-11-01' } });
    await h.dispatch({ type: 'MediaEdited', data: { entryId: reading, changes: { progress: { from: null, to: 40 } } } });
    await h.dispatch({ type: 'MediaEdited', data: { entryId: reading, changes: { status: { from: 'in-progress', to: 'abandoned' } } } });
    await h.dispatch({ type: 'MediaEdited', data: { entryId: reading, changes: { status: { from: 'abandoned', to: 'in-progress' } } } });
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(0);

    const finish = { status: { from: 'in-progress' as const, to: 'finished' as const }, finishedOn: { from: null, to: '2026-11-20' }, progress: { from: 40, to: null } };
    await h.dispatch({ type: 'MediaEdited', data: { entryId: reading, changes: finish } });
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(1);
    expect(nets.mastodon.requests[0]!.json.status).toContain('Slow read');

    // Un-finished (an undo) and finished again: still one post.
    const unfinish = { status: { from: 'finished' as const, to: 'in-progress' as const }, finishedOn: { from: '2026-11-20', to: null } };
    await h.dispatch({ type: 'MediaEdited', data: { entryId: reading, changes: unfinish } });
    await h.dispatch({ type: 'MediaEdited', data: { entryId: reading, changes: { status: { from: 'in-progress', to: 'finished' }, finishedOn: { from: null, to: '2026-11-21' } } } });
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(1);
    expect((await h.events('AnnouncementPosted'))).toHaveLength(1);
  });

  it('does not announce a private entry when it is finished; it does when made public afterwards', async () => {
    const { h, nets } = await setup('mastodon');
    const { finishedOn: _f, ...started } = dune;
    await h.dispatch({ type: 'MediaStarted', data: { entryId: 'p', ...started, title: 'Private read', visibility: 'private', status: 'in-progress' } });
    await h.dispatch({ type: 'MediaEdited', data: { entryId: 'p', changes: { status: { from: 'in-progress', to: 'finished' }, finishedOn: { from: null, to: '2026-11-20' } } } });
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(0);
    await h.dispatch({ type: 'MediaEdited', data: { entryId: 'p', changes: { visibility: { from: 'private', to: 'public' } } } });
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(1);
  });

  it('starts at the end of an existing log: history is not announced', async () => {
    const { h, nets } = await setup('mastodon');
    await h.shutdown();
    const { rmSync } = await import('node:fs');
    rmSync(h.checkpointFile);
    await h.open({ withoutAnnouncer: true });
    await h.finish({ title: 'Old news' });
    await h.finish({ title: 'Older news' });
    await h.restart();
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(0);
    expect(await readCheckpoint(h.checkpointFile)).toBe(2);
    await h.finish({ title: 'News' });
    await h.idle();
    expect(nets.mastodon.requests.map((r) => r.json.status)).toEqual([expect.stringContaining('News')]);
  });

  it('gives up after the last attempt (the dead letter), and tries again when the admin asks', async () => {
    const { h, nets } = await setup('mastodon');
    for (let i = 0; i < 5; i++) nets.mastodon.plan.push({ status: 503 });
    const id = await h.finish();
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(5);
    expect((await h.events('AnnouncementFailed')).map((e) => e.data.final)).toEqual([false, false, false, false, true]);
    expect(h.status(id, 'mastodon')).toMatchObject({ state: 'failed', attempts: 5 });
    expect(h.sleeps).toEqual([750, 1500, 3000, 6000]);

    expect(await requestAnnouncementRetry(h.store, id, 'mastodon')).toEqual({ ok: true });
    await h.idle();
    expect(h.status(id, 'mastodon')).toMatchObject({ state: 'posted', attempts: 6 });
    expect(nets.mastodon.requests).toHaveLength(6);
    expect(new Set(keys(nets.mastodon)).size).toBe(1);
  });

  it('gives up at once on an error a retry cannot fix', async () => {
    const { h, nets } = await setup('mastodon');
    nets.mastodon.plan.push({ status: 401, body: { error: 'The access token is invalid' } });
    const id = await h.finish();
    await h.idle();
    expect(h.status(id, 'mastodon')).toEqual({ state: 'failed', attempts: 1, error: 'HTTP 401: The access token is invalid' });
    expect(h.sleeps).toEqual([]);
  });

  it('keeps one send per entry and channel in flight, even when two events ask for it', async () => {
    const { h, nets } = await setup('mastodon');
    await h.shutdown();
    await h.open({ withoutAnnouncer: true });
    const id = await h.finish();
    await h.dispatch({ type: 'AnnouncementFailed', data: { entryId: id, channel: 'mastodon', attempt: 5, error: 'HTTP 503', final: true } });
    await h.dispatch({ type: 'AnnouncementRetryRequested', data: { entryId: id, channel: 'mastodon' } });
    await h.restart(); // reads MediaFinished (its channel is "retrying") and the retry request
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(1);
    expect(nets.mastodon.maxConcurrent).toBe(1);
    expect(h.status(id, 'mastodon')).toMatchObject({ state: 'posted', attempts: 6 });
  });

  it('sends to each network one post at a time, in log order', async () => {
    const { h, nets } = await setup('webhook');
    await h.shutdown();
    await h.open({ withoutAnnouncer: true });
    for (const title of ['First', 'Second', 'Third', 'Fourth']) await h.finish({ title });
    await h.restart(); // catches up four entries at once
    await h.idle();
    expect(nets.webhook.requests.map((r) => r.json.entry.title)).toEqual(['First', 'Second', 'Third', 'Fourth']);
    expect(nets.webhook.maxConcurrent).toBe(1);
  });

  it('cancels a pending retry for an entry removed meanwhile, with a reason', async () => {
    const { h, nets } = await setup('mastodon');
    nets.mastodon.plan.push({ status: 503 });
    const id = await h.finish();
    h.onSleep = () => {
      h.onSleep = undefined;
      void h.announcer!.stop();
    };
    await h.idle();
    await h.shutdown();
    await h.open({ withoutAnnouncer: true });
    await h.dispatch({ type: 'MediaRemoved', data: { entryId: id } });
    await h.restart();
    await h.idle();
    expect(nets.mastodon.requests).toHaveLength(1);
    expect(h.status(id, 'mastodon')).toEqual({ state: 'failed', attempts: 1, error: 'not sent: the entry was removed' });
  });
});

describe('with no channel configured', () => {
  it('notes an entry marked announce once as not sent, never as an error', async () => {
    const h = new Harness([]);
    harnesses.push(h);
    await h.open();
    const id = await h.finish();
    await h.finish({ announce: false });
    await h.idle();
    await h.shutdown();
    writeFileSync(h.checkpointFile, '{"seq":0}\n');
    await h.open();
    await h.idle();
    const skipped = await h.events('AnnouncementSkipped');
    expect(skipped.map((e) => e.data)).toEqual([{ entryId: id, reason: NO_CHANNEL_REASON }]);
    expect(h.store.snapshot().entries.get(id)!.announceNote).toBe('not sent: no channel configured');
    expect(await h.events('AnnouncementFailed')).toEqual([]);
  });
});

describe('the retry request', () => {
  it('validates its input, refuses what has not failed, and is idempotent', async () => {
    const h = new Harness([]);
    harnesses.push(h);
    await h.open({ withoutAnnouncer: true });
    const id = await h.finish();
    expect(await requestAnnouncementRetry(h.store, id, 'myspace')).toMatchObject({ ok: false, fields: { channel: expect.stringContaining('one of: x, mastodon') } });
    expect(await requestAnnouncementRetry(h.store, '', 'x')).toMatchObject({ ok: false, fields: { entryId: 'entryId is required' } });
    expect(await requestAnnouncementRetry(h.store, id, 'x')).toEqual({ ok: false, error: `nothing to retry: x for ${id} has not failed`, fields: {} });
    await h.dispatch({ type: 'AnnouncementFailed', data: { entryId: id, channel: 'x', attempt: 5, error: 'HTTP 503', final: true } });
    expect(await requestAnnouncementRetry(h.store, id, 'x')).toEqual({ ok: true });
    expect(await requestAnnouncementRetry(h.store, id, 'x')).toEqual({ ok: true });
    expect(await h.events('AnnouncementRetryRequested')).toHaveLength(1);
  });
});
