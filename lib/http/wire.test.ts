import { describe, expect, it } from 'vitest';
import { flatHeaders, wireOf } from './wire';

describe('flatHeaders', () => {
  it('leaves what setHeader calls in that order would: a later header replaces one of the same name in any case, cookies add up', () => {
    expect(
      flatHeaders(
        [['Content-Security-Policy', "frame-ancestors 'none'"], ['X-Content-Type-Options', 'nosniff'], ['set-cookie', 'a=1']],
        [['content-security-policy', 'frame-ancestors *'], ['Set-Cookie', 'b=2']],
      ),
    ).toEqual(['content-security-policy', 'frame-ancestors *', 'X-Content-Type-Options', 'nosniff', 'set-cookie', 'a=1', 'Set-Cookie', 'b=2']);
  });
});

describe('wireOf', () => {
  it("puts the security headers first, lets the answer's own win, and gzips what Next would", () => {
    const wire = wireOf({ status: 200, headers: { 'content-type': 'application/json', 'content-security-policy': 'x' }, body: '{}' }, true);
    const headers = Object.fromEntries(Array.from({ length: wire.headers.length / 2 }, (_, i) => [wire.headers[2 * i]!.toLowerCase(), wire.headers[2 * i + 1]]));
    expect(headers).toMatchObject({ 'content-security-policy': 'x', 'x-frame-options': 'DENY', 'content-encoding': 'gzip', vary: expect.stringMatching(/, Accept-Encoding$/) });
    expect(wire.headers.filter((h) => h.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(wire.encoding).toBe('latin1'); // gzip bytes, a character each
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(wire.body!, wire.encoding));
    const plain = wireOf({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'é' }, false);
    expect(plain).toMatchObject({ body: 'é', encoding: 'utf8' }); // sent in one write with the headers
    expect(plain.headers.slice(-2)).toEqual(['content-length', '2']);
  });
});
