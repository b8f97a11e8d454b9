// Seeds a running server through its HTTP API, as clients would.
const KINDS = ['book', 'article', 'movie', 'show', 'game', 'podcast'];

async function inBatches(count, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** n media entries via POST /api/media, each with a review and a rating (an About page of real weight). */
export async function seedMedia(server, n) {
  await inBatches(n, 8, async (i) => {
    const res = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: KINDS[i % KINDS.length],
        title: `Seeded title number ${i + 1}`,
        creator: `Creator ${i % 37}`,
        url: `https://example.com/items/${i + 1}`,
        rating: ((i % 10) + 1) / 2,
        review: `A short review of item ${i + 1}: worth the time, with a sentence or two more to be realistic.`,
        finishedOn: `${2025 + (i % 2)}-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      }),
    });
    if (res.status !== 201) throw new Error(`seeding media: POST /api/media answered ${res.status}: ${await res.text()}`);
  });
  return n;
}

/** n public entries in progress (the About page's Now section), with tags; returns their ids. */
export async function seedInProgress(server, n) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'book',
        title: `Reading now ${i + 1}`,
        creator: 'Bench',
        status: 'in-progress',
        startedOn: '2026-01-01',
        progress: (i * 17) % 100,
        tags: ['bench', `tag ${i}`],
        review: 'Half way through. *So far* so good.\n\n>! No spoilers here.',
      }),
    });
    if (res.status !== 201) throw new Error(`seeding: POST /api/media answered ${res.status}: ${await res.text()}`);
    ids.push((await res.json()).entry.id);
  }
  return ids;
}

/** n bids at 100-199 and n asks at 300-399 (they never cross: a full book). 0 when the orderbook is not built. */
export async function seedOrderbook(server, n) {
  const probe = await fetch(`${server.url}/orderbook`, { headers: { accept: 'application/json' } });
  await probe.arrayBuffer();
  if (probe.status === 404) return 0;
  await inBatches(2 * n, 8, async (i) => {
    const path = i < n ? `/buy/${i}/${100 + (i % 100)}` : `/sell/${i}/${300 + (i % 100)}`;
    const res = await fetch(server.url + path, { method: 'POST' });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`seeding the orderbook: POST ${path} answered ${res.status}`);
  });
  return 2 * n;
}
