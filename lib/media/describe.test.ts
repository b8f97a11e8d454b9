import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe';

describe('describeChanges', () => {
  it('names each changed field with its old and new value', () => {
    expect(
      describeChanges({
        rating: { from: 3, to: 4 },
        title: { from: 'Dune', to: 'Dune Messiah' },
        creator: { from: null, to: 'Frank Herbert' },
        visibility: { from: 'public', to: 'private' },
      }),
    ).toEqual(["rating 3 -> 4", "title 'Dune' -> 'Dune Messiah'", "creator none -> 'Frank Herbert'", 'visibility public -> private']);
  });

  it('shortens long text', () => {
    const [line] = describeChanges({ review: { from: null, to: 'x'.repeat(100) } });
    expect(line).toBe(`review none -> '${'x'.repeat(39)}…'`);
  });
});
