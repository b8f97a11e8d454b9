// Books: Open Library's search API (https://openlibrary.org/dev/docs/api/search), no key.
// GET /search.json?q=...&fields=...&limit=N -> { numFound, docs: [{ key, title, author_name[], first_publish_year, cover_i, isbn[] }] }
// Covers from its covers service: /b/id/<cover_i>-M.jpg, or /b/isbn/<isbn>-M.jpg.
import { httpUrl, records, text, yearOf } from './fields';
import { MAX_RESULTS, type LookupSource } from './types';

export function openLibrary(baseUrl: string, coversUrl: string): LookupSource {
  const base = baseUrl.replace(/\/+$/, '');
  const covers = coversUrl.replace(/\/+$/, '');
  return {
    name: 'openlibrary',
    kinds: ['book'],
    // Open Library asks identified clients (a User-Agent naming the app) to stay at or under 3 requests a second.
    perMinute: 180,
    request: (_kind, q) => ({
      url: `${base}/search.json?${new URLSearchParams({ q, fields: 'key,title,author_name,first_publish_year,cover_i,isbn', limit: String(MAX_RESULTS) })}`,
    }),
    parse: (_kind, body) =>
      records((body as { docs?: unknown })?.docs).flatMap((doc) => {
        const title = text(doc.title);
        if (!title) return [];
        const authors = Array.isArray(doc.author_name) ? doc.author_name.map(text).filter(Boolean) : [];
        const coverId = typeof doc.cover_i === 'number' && doc.cover_i > 0 ? doc.cover_i : undefined;
        const isbn = Array.isArray(doc.isbn) ? doc.isbn.map(text).find((i) => i && /^[0-9]{9}[0-9Xx]([0-9]{3})?$/.test(i)) : undefined;
        const key = text(doc.key);
        return [{
          title,
          creator: authors.length ? authors.slice(0, 3).join(', ') : undefined,
          year: yearOf(doc.first_publish_year),
          coverUrl: coverId ? `${covers}/b/id/${coverId}-M.jpg` : isbn ? `${covers}/b/isbn/${isbn}-M.jpg` : undefined,
          url: key?.startsWith('/') ? httpUrl(`${base}${key}`) : undefined,
          source: 'openlibrary',
        }];
      }),
  };
}
