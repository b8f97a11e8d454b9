import { describe, expect, it } from 'vitest';
import { embedContentSecurityPolicy, frameAncestors } from './frame-policy';

describe('frameAncestors', () => {
  it('lets any site frame the widget by default', () => {
    expect(frameAncestors(undefined)).toBe('*');
    expect(frameAncestors('')).toBe('*');
    expect(frameAncestors('  ')).toBe('*');
    expect(frameAncestors('*')).toBe('*');
  });

  it('lists the configured origins, plus the site itself for the admin preview', () => {
    expect(frameAncestors('https://blog.example, https://*.example.org  http://localhost:8080/')).toBe(
      "'self' https://blog.example https://*.example.org http://localhost:8080",
    );
    expect(frameAncestors('https://a.example,https://a.example')).toBe("'self' https://a.example");
    expect(frameAncestors('https:')).toBe("'self' https:");
  });

  it('drops tokens that are not origins, so no other directive can be injected', () => {
    expect(frameAncestors('https://ok.example;script-src https://cdn.example')).toBe("'self' https://cdn.example");
    expect(frameAncestors('https://ok.example;\r\nSet-Cookie: a=b')).toBe("'self'");
    expect(frameAncestors('https://ok.example ; script-src')).toBe("'self' https://ok.example");
    expect(frameAncestors("https://ok.example/path 'unsafe-inline' javascript:alert(1)")).toBe("'self'");
  });

  it('closes rather than opens when nothing valid is configured', () => {
    expect(frameAncestors('not an origin')).toBe("'self'");
  });

  it('makes the header value', () => {
    expect(embedContentSecurityPolicy(undefined)).toBe('frame-ancestors *');
    expect(embedContentSecurityPolicy('https://blog.example')).toBe("frame-ancestors 'self' https://blog.example");
  });
});
