import { describe, expect, it } from 'vitest';
import { sessionCookie } from './cookie';

describe('sessionCookie', () => {
  it('is httpOnly, SameSite=Lax, Path=/, 7 days, and not Secure over http', () => {
    expect(sessionCookie('http://127.0.0.1:3000')).toEqual({
      name: 'shelf_session',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: 604800 },
    });
    expect(sessionCookie(undefined).options.secure).toBe(false);
  });

  it('is Secure with the __Host- prefix when SITE_URL is https', () => {
    const cookie = sessionCookie('https://reading.example.org');
    expect(cookie.name).toBe('__Host-shelf_session');
    expect(cookie.options.secure).toBe(true);
  });
});
