import { describe, expect, it } from 'vitest';
import { addressKey, partyOf, validHost, type PeerRequest } from './request-party';
import { parseTrustProxy } from './trust-proxy.mjs';

const request = (remoteAddress: string, headers: PeerRequest['headers'] = {}, encrypted = false): PeerRequest => ({ socket: { remoteAddress, encrypted }, headers });

describe('who is asking', () => {
  it('is the socket when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const party = partyOf(request('203.0.113.7', { 'x-forwarded-for': '198.51.100.1', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', host: 'books.example' }), parseTrustProxy(undefined));
    expect(party).toEqual({ address: '203.0.113.7', key: '203.0.113.7', origin: 'http://books.example' });
  });

  it('reads X-Forwarded-* from a trusted proxy, stopping at the first untrusted hop', () => {
    const trust = parseTrustProxy('127.0.0.1,::1');
    // The client forged the first entry; nginx appended the address it saw.
    const party = partyOf(request('127.0.0.1', { 'x-forwarded-for': '10.9.9.9, 198.51.100.23', 'x-forwarded-proto': 'https', host: 'inner:3000', 'x-forwarded-host': 'books.example' }), trust);
    expect(party).toEqual({ address: '198.51.100.23', key: '198.51.100.23', origin: 'https://books.example' });
  });

  it('ignores a forwarded header sent by an untrusted peer even when the proxy list is set', () => {
    const party = partyOf(request('198.51.100.5', { 'x-forwarded-for': '10.0.0.1', 'x-forwarded-proto': 'https', host: 'books.example' }), parseTrustProxy('127.0.0.1'));
    expect(party.address).toBe('198.51.100.5');
    expect(party.origin).toBe('http://books.example');
  });

  it('trusts a number of hops', () => {
    const party = partyOf(request('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 198.51.100.9, 10.0.0.1' }), parseTrustProxy('2'));
    expect(party.address).toBe('198.51.100.9');
  });

  it('reads RFC 7239 Forwarded when there is no X-Forwarded-For', () => {
    const party = partyOf(request('::1', { forwarded: 'for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711";proto=https;host=books.example', host: 'inner' }), parseTrustProxy('loopback'));
    expect(party).toEqual({ address: '2001:db8:cafe::17', key: '2001:db8:cafe::/64', origin: 'https://books.example' });
  });

  it('takes the protocol of a TLS socket when no proxy speaks', () => {
    expect(partyOf(request('192.0.2.1', { host: 'books.example:443' }, true)).origin).toBe('https://books.example');
  });

  it('has no origin for a Host that is not a host', () => {
    expect(partyOf(request('192.0.2.1', { host: 'evil.example/<script>' })).origin).toBeUndefined();
  });

  it('refuses a TRUST_PROXY it cannot read, saying so', () => {
    expect(() => parseTrustProxy('127.0.0.1,not-an-address')).toThrow(/TRUST_PROXY/);
  });
});

describe('the client key', () => {
  it('groups an IPv6 /64 as one client', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
  });

  it('writes an IPv4-mapped address as IPv4', () => {
    expect(addressKey('::ffff:192.0.2.4')).toBe('192.0.2.4');
  });
});

describe('a valid Host', () => {
  it.each(['books.example', 'books.example:8443', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', '192.168.1.20'])('accepts %s', (host) => {
    expect(validHost(host)).toBe(host);
  });
  it.each(['', 'a b', 'books.example:99999', 'books.example:0', '[nope]:80', 'x'.repeat(300), 'user@books.example'])('refuses %j', (host) => {
    expect(validHost(host)).toBeUndefined();
  });
});
