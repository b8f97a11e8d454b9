// The sender and the verifier on the kernel's checkpointed processor: durable, retried with
// backoff, and once only, also when the process stops and starts again in between.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkpointDocument } from '../announce/checkpoint';
import { tempDir } from '../eventstore/testing/counter';
import { createMediaStore, type MediaStore } from '../media/store';
import { WebmentionSender } from './sender';
import { createWebmentionStore, type WebmentionStore } from './store';
import { useStandInSite } from './testing/site';
import { WebmentionVerifier } from './verifier';

const ORIGIN = 'https://shelf.example';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

const siteOf = useStandInSite();

/** The media and Webmention logs in one directory, with a sender and a verifier that can be restarted. */
class World {
  readonly dir = tempDir('shelf-webmention-');
  media!: MediaStore;
  webmentions!: WebmentionStore;
  sender!: WebmentionSender;
  verifier!: WebmentionVerifier;
  readonly sleeps: number[] = [];

  async open() {
    this.media = createMediaStore(this.dir);
    this.webmentions = createWebmentionStore(this.dir);
    await Promise.all([this.media.ready, this.webmentions.ready]);
    const timing = { sleep: async (ms: number, signal: AbortSignal) => (this.sleeps.push(ms), signal.throwIfAborted()), random: () => 0.5, now: () => Date.now() };
    this.sender = new WebmentionSender({ media: this.media, webmentions: this.webmentions, checkpoint: checkpointDocument(join(this.dir, 'sender.json')), origin: ORIGIN, timing, retry: { maxAttempts: 3, baseDelayMs: 1000 }, log: quiet });
    this.verifier = new WebmentionVerifier({ webmentions: this.webmentions, checkpoint: checkpointDocument(join(this.dir, 'verifier.json')), timing, log: quiet });
    await Promise.all([this.sender.start(), this.verifier.start()]);
  }

  async idle() {
    await this.sender.idle();
    await this.verifier.idle();
  }

  /** As a process exit: processors stopped, logs closed; `open` again to restart. */
  async close() {
    await Promise.all([this.sender.stop(), this.verifier.stop()]);
    await Promise.all([this.media.close(), this.webmentions.close()]);
  }

  events(type: string) {
    return this.webmentions.read(1).then((events) => events.filter((e) => e.type === type));
  }
}

let worlds: World[] = [];
const world = async () => {
  const w = new World();
  worlds.push(w);
  await w.open();
  return w;
};
afterEach(async () => {
  for (const w of worlds) await w.close().catch(() => {});
  worlds = [];
  siteOf().received.length = 0;
  siteOf().postPlan.length = 0;
});

const dune = (url: string, extra: Record<string, unknown> = {}) => ({
  kind: 'book' as const, title: 'Dune', url, finishedOn: '2026-11-20', visibility: 'public' as const, announce: false, ...extra,
});

describe('sending', () => {
  it('tells each cited URL once per entry version, and again (old links too) after an edit and a removal', async () => {
    siteOf().pages.set('/book', { headers: { link: '</endpoint>; rel="webmention"' } });
    siteOf().pages.set('/essay', { body: '<a rel="webmention" href="/endpoint">wm</a>' });
    siteOf().pages.set('/silent', { body: '<p>no endpoint</p>' });
    const w = await world();
    const { data } = await w.media.dispatch({ type: 'MediaFinished', data: { entryId: 'e1', ...dune(`${siteOf().url}/book`), review: `See [the essay](${siteOf().url}/essay) and [this](${siteOf().url}/silent).` } });
    await w.idle();
    const told = () => siteOf().received.map((r) => [r.form.get('source'), r.form.get('target')]);
    expect(told().sort()).toEqual([[`${ORIGIN}/entries/e1`, `${siteOf().url}/book`], [`${ORIGIN}/entries/e1`, `${siteOf().url}/essay`]]);
    expect(await w.events('WebmentionNoEndpoint')).toHaveLength(1);
    expect(data.entryId).toBe('e1');

    // The essay link goes: the essay is still told (so it can drop the mention), with the book.
    await w.media.dispatch({ type: 'MediaEdited', data: { entryId: 'e1', changes: { review: { from: `See [the essay](${siteOf().url}/essay) and [this](${siteOf().url}/silent).`, to: 'Changed my mind.' } } } });
    await w.idle();
    expect(siteOf().received).toHaveLength(4);
    await w.media.dispatch({ type: 'MediaRemoved', data: { entryId: 'e1' } });
    await w.idle();
    expect(siteOf().received).toHaveLength(6);
    expect(await w.events('WebmentionSent')).toHaveLength(6);
  });

  it('never sends for a private entry, an imported one, or a link to this site itself', async () => {
    siteOf().pages.set('/book', { headers: { link: '</endpoint>; rel="webmention"' } });
    const w = await world();
    await w.media.dispatch({ type: 'MediaFinished', data: { entryId: 'p1', ...dune(`${siteOf().url}/book`, { visibility: 'private' }) } });
    await w.media.dispatch({ type: 'MediaFinished', data: { entryId: 'i1', ...dune(`${siteOf().url}/book`), importedFrom: 'goodreads' } });
    await w.media.dispatch({ type: 'MediaFinished', data: { entryId: 'o1', ...dune(`${ORIGIN}/entries/p1`) } });
    await w.idle();
    expect(siteOf().received).toHaveLength(0);
    expect(w.webmentions.version()).toBe(0);
  });

  it('retries with backoff, then records one success', async () => {
    siteOf().pages.set('/book', { headers: { link: '</endpoint>; rel="webmention"' } });
    siteOf().postPlan.push(503, 500);
    const w = await world();
    await w.media.dispatch({ type: 'MediaFinished', data: { entryId: 'r1', ...dune(`${siteOf().url}/book`) } });
    await w.idle();
    expect(siteOf().received).toHaveLength(3);
    expect((await w.events('WebmentionFailed')).map((e) => e.data)).toMatchObject([{ attempt: 1, final: false }, { attempt: 2, final: false }]);
    expect(await w.events('WebmentionSent')).toMatchObject([{ data: { attempt: 3, status: 202 } }]);
    expect(w.sleeps).toEqual([750, 1500]);
  });

  it('sends nothing twice across a restart, even when the checkpoint was lost', async () => {
    siteOf().pages.set('/book', { headers: { link: '</endpoint>; rel="webmention"' } });
    const w = await world();
    await w.media.dispatch({ type: 'MediaFinished', data: { entryId: 'c1', ...dune(`${siteOf().url}/book`) } });
    await w.idle();
    expect(siteOf().received).toHaveLength(1);
    await w.close();
    // As if the process died after recording the outcome but before moving its checkpoint.
    writeFileSync(join(w.dir, 'sender.json'), JSON.stringify({ seq: 0 }));
    await w.open();
    await w.idle();
    expect(siteOf().received).toHaveLength(1);
    expect(await w.events('WebmentionSent')).toHaveLength(1);
    // A new version after the restart is sent, once.
    await w.media.dispatch({ type: 'MediaEdited', data: { entryId: 'c1', changes: { rating: { from: null, to: 4 } } } });
    await w.idle();
    expect(siteOf().received).toHaveLength(2);
  });

  it('after a restart mid-retry, waits out the recorded failure and sends the version once', async () => {
    siteOf().pages.set('/book', { headers: { link: '</endpoint>; rel="webmention"' } });
    siteOf().postPlan.push(503);
    const w = await world();
    // Stop at the first backoff: the failure is recorded, the checkpoint stays before the event.
    w.sleeps.length = 0;
    await w.media.dispatch({ type: 'MediaFinished', data: { entryId: 'm1', ...dune(`${siteOf().url}/book`) } });
    for (let i = 0; i < 100 && (await w.events('WebmentionFailed')).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await w.close();
    await w.open();
    await w.idle();
    expect(siteOf().received).toHaveLength(2);
    expect(await w.events('WebmentionSent')).toHaveLength(1);
    expect(w.sleeps).toContain(750);
  });
});

describe('verifying what was received', () => {
  it('shows a mention once the source links to the entry, and removes it when the source stops linking', async () => {
    const target = `${ORIGIN}/entries/v1`;
    siteOf().pages.set('/reply', { body: `<div class="h-entry"><span class="p-author h-card">Alice</span><a class="u-in-reply-to" href="${target}">re</a><p class="e-content">Great pick</p></div>` });
    const w = await world();
    await w.webmentions.dispatch({ type: 'WebmentionReceived', data: { source: `${siteOf().url}/reply`, target, entryId: 'v1' } });
    await w.idle();
    expect(w.webmentions.snapshot().mentions.get('v1')).toMatchObject([{ kind: 'reply', author: { name: 'Alice' }, content: 'Great pick', hidden: false }]);
    expect(w.webmentions.snapshot().pending.size).toBe(0);

    siteOf().pages.set('/reply', { body: '<p>edited: no link any more</p>' });
    await w.webmentions.dispatch({ type: 'WebmentionReceived', data: { source: `${siteOf().url}/reply`, target, entryId: 'v1' } });
    await w.idle();
    expect(w.webmentions.snapshot().mentions.get('v1')).toEqual([]);
    expect(await w.events('MentionRemoved')).toHaveLength(1);
  });

  it('rejects a source that does not link, and verifies each request once across a restart', async () => {
    const target = `${ORIGIN}/entries/v2`;
    let fetched = 0;
    siteOf().pages.set('/spam', () => (fetched++, { body: '<p>buy things</p>' }));
    const w = await world();
    await w.webmentions.dispatch({ type: 'WebmentionReceived', data: { source: `${siteOf().url}/spam`, target, entryId: 'v2' } });
    await w.idle();
    expect(await w.events('WebmentionRejected')).toMatchObject([{ data: { reason: 'the source does not link to the entry' } }]);
    await w.close();
    writeFileSync(join(w.dir, 'verifier.json'), JSON.stringify({ seq: 0 }));
    await w.open();
    await w.idle();
    expect(fetched).toBe(1);
    expect(await w.events('WebmentionRejected')).toHaveLength(1);
  });
});

afterAll(() => {
  for (const w of worlds) rmSync(w.dir, { recursive: true, force: true });
});
