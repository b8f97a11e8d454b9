import { describe, expect, it } from 'vitest';
import { clientKey, clientKeyFromForwardedFor } from './client-key';

const key = (xff?: string) => clientKey(new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff }));

describe('clientKey', () => {
  it('is the address Next (or the nearest proxy) saw: the last X-Forwarded-For entry', () => {
    expect(key('127.0.0.1')).toBe('127.0.0.1');
    expect(key('203.0.113.9, 198.51.100.4')).toBe('198.51.100.4');
    // a client-forged first entry does not change the key a proxy appended
    expect(key('1.2.3.4, 198.51.100.4')).toBe(key('5.6.7.8, 198.51.100.4'));
  });

  it('treats IPv4-mapped IPv6 as the IPv4 address and ignores blanks', () => {
    expect(key('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(key('2001:DB8::1 ,  ')).toBe('2001:db8::1');
  });

  it('falls back to one shared key without the header', () => {
    expect(key()).toBe('unknown');
    expect(key('')).toBe('unknown');
  });
});

describe('clientKeyFromForwardedFor', () => {
  it('agrees with clientKey on raw header values, and takes Node header arrays', () => {
    for (const raw of ['127.0.0.1', '203.0.113.9, 198.51.100.4', '::ffff:127.0.0.1', '2001:DB8::1 ,  ', '', ' , ', 'a,,b, ,']) {
      expect(clientKeyFromForwardedFor(raw)).toBe(key(raw));
    }
    expect(key('a,,b, ,')).toBe('b');
    expect(clientKeyFromForwardedFor(undefined)).toBe('unknown');
    expect(clientKeyFromForwardedFor(['1.1.1.1', '2.2.2.2'])).toBe('2.2.2.2');
  });
});
