// Local stand-ins for the lookup services, answering in their documented formats (unit and e2e tests).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandIn {
  url: string;
  /** Every request received: path with query, and headers. */
  requests: { url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

type Handler = (url: URL) => { status?: number; body?: unknown; hang?: boolean };

export async function startStandIn(handler: Handler): Promise<StandIn> {
  const requests: StandIn['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url!, headers: req.headers });
    const answer = handler(new URL(req.url!, 'http://stand-in'));
    if (answer.hang) return; // never answers: the caller's timeout must fire
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Open Library's /search.json answer (https://openlibrary.org/dev/docs/api/search). */
export const openLibraryAnswer = (q: string) => ({
  numFound: 2,
  start: 0,
  numFoundExact: true,
  q,
  docs: [
    { key: '/works/OL893415W', title: 'Dune', author_name: ['Frank Herbert'], first_publish_year: 1965, cover_i: 11481354, isbn: ['9780441013593', '0441013597'] },
    { key: '/works/OL1963268W', title: 'Dune Messiah', author_name: ['Frank Herbert'], first_publish_year: 1969, isbn: ['0399128492'] },
    { key: '/works/OL0W', author_name: ['Nobody'] },
  ],
});

/** The iTunes Search API's answer for media=movie (https://performance-partners.apple.com/search-api). */
export const iTunesMovieAnswer = () => ({
  resultCount: 1,
  results: [{
    wrapperType: 'track', kind: 'feature-movie', trackId: 1179423218, artistName: 'Denis Villeneuve', trackName: 'Arrival',
    trackViewUrl: 'https://itunes.apple.com/us/movie/arrival/id1179423218?uo=4',
    artworkUrl100: 'https://is1-ssl.mzstatic.com/image/thumb/Video/v4/aa/bb/cc/source/100x100bb.jpg',
    releaseDate: '2016-11-11T08:00:00Z', primaryGenreName: 'Sci-Fi & Fantasy',
  }],
});
