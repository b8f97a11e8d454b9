import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { headerReaderOf, partyFromHeaders, stampHeaders, stampRequest } from './edge-stamp';

function incoming(headers: Record<string, string>, remoteAddress = '198.51.100.4'): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
  const req = new IncomingMessage(socket);
  req.headers = { ...headers };
  return req;
}
const asHeaders = (req: IncomingMessage) => new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));

describe('the edge stamp', () => {
  it('carries the party from the edge to Next-side readers', () => {
    const req = incoming({ host: 'books.example' });
    stampRequest(req);
    expect(partyFromHeaders(asHeaders(req))).toEqual({ address: '198.51.100.4', key: '198.51.100.4', origin: 'http://books.example' });
  });

  it('replaces what a client sent under the same names', () => {
    const req = incoming({ host: 'books.example', 'x-shelf-client': '1.2.3.4', 'x-shelf-origin': 'https://evil.example', 'x-shelf-edge': 'guess' });
    stampRequest(req);
    expect(partyFromHeaders(asHeaders(req)).key).toBe('198.51.100.4');
    expect(partyFromHeaders(asHeaders(req)).origin).toBe('http://books.example');
  });

  it('treats a request that did not pass the edge as one shared client, whatever it claims', () => {
    const forged = new Headers({ host: 'books.example', 'x-shelf-edge': 'guess', 'x-shelf-client': '1.2.3.4' });
    expect(partyFromHeaders(forged)).toEqual({ address: 'unknown', key: 'unstamped', origin: 'http://books.example' });
  });

  it("keeps the visitor's party on a request this process stamped itself (the render cache's own render)", () => {
    const visitor = { address: '203.0.113.8', key: '203.0.113.8', origin: 'https://books.example' };
    const render = incoming(stampHeaders({ host: '127.0.0.1:3000' }, visitor) as Record<string, string>, '127.0.0.1');
    expect(stampRequest(render)).toEqual(visitor);
    expect(partyFromHeaders(asHeaders(render))).toEqual(visitor);
  });
});

describe('headerReaderOf', () => {
  it('reads a node header record as fetch Headers do: a value, repeated values joined, null when absent', () => {
    const reader = headerReaderOf({ authorization: 'Bearer x', 'x-list': ['a', 'b'] });
    expect(reader.get('authorization')).toBe('Bearer x');
    expect(reader.get('x-list')).toBe('a, b');
    expect(reader.get('cookie')).toBeNull();
  });
});
