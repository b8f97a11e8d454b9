import { describe, expect, it } from 'vitest';
import { safeEqual } from './safe-equal';

describe('safeEqual', () => {
  it('is true only for the identical string', () => {
    expect(safeEqual('correct horse', 'correct horse')).toBe(true);
    expect(safeEqual('correct hors', 'correct horse')).toBe(false);
    expect(safeEqual('correct horsE', 'correct horse')).toBe(false);
    expect(safeEqual('', 'correct horse')).toBe(false);
    expect(safeEqual('correct horse and more', 'correct horse')).toBe(false);
  });

  it('compares unicode by its bytes', () => {
    expect(safeEqual('mot de passe é', 'mot de passe é')).toBe(true);
    expect(safeEqual('mot de passe e\u0301', 'mot de passe é')).toBe(false);
  });
});
