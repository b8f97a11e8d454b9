import { describe, expect, it } from 'vitest';
import { sharedItem } from './share';

const share = (query: Record<string, string>) => sharedItem(new URLSearchParams(query));

describe('sharedItem', () => {
  it('takes the title and url as shared', () => {
    expect(share({ title: 'Dune', url: 'https://example.com/dune' })).toEqual({ title: 'Dune', url: 'https://example.com/dune' });
  });

  it('finds the link inside the text, and the title in the rest of it', () => {
    expect(share({ text: 'Perfect Days https://films.example/perfect-days' })).toEqual({
      title: 'Perfect Days',
      url: 'https://films.example/perfect-days',
    });
  });

  it('prefers the title field to the text', () => {
    expect(share({ title: 'Arrival', text: 'Watch this! https://f.example/a' })).toEqual({ title: 'Arrival', url: 'https://f.example/a' });
  });

  it('drops a url that is not http(s)', () => {
    expect(share({ title: 'x', url: 'javascript:alert(1)' })).toEqual({ title: 'x', url: '' });
  });

  it('gives empty fields when nothing was shared', () => {
    expect(share({})).toEqual({ title: '', url: '' });
  });
});
