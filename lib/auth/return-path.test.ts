import { describe, expect, it } from 'vitest';
import { loginUrl, safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps admin paths of this site, with their query', () => {
    expect(safeReturnPath('/admin')).toBe('/admin');
    expect(safeReturnPath('/admin/history?page=2')).toBe('/admin/history?page=2');
    expect(safeReturnPath('/admin/entries/abc/edit')).toBe('/admin/entries/abc/edit');
  });

  it.each([
    undefined, null, '', 'admin', 'https://evil.example/admin', '//evil.example/admin', '/\\evil.example/admin',
    '/\\/evil.example', 'javascript:alert(1)', '/about', '/administrator', '/admin/../about', '/admin/%2e%2e/about',
    '/admin/login', '/admin/login?next=/admin', ['/admin/history'],
  ])('sends %j to /admin', (next) => {
    expect(safeReturnPath(next)).toBe('/admin');
  });
});

describe('loginUrl', () => {
  it('encodes where to return', () => {
    expect(loginUrl('/admin/history?page=2')).toBe('/admin/login?next=%2Fadmin%2Fhistory%3Fpage%3D2');
    expect(loginUrl('https://evil.example')).toBe('/admin/login?next=%2Fadmin');
  });
});
