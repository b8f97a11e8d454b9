// Reading the sources' JSON defensively: a field of the wrong type is left out, not trusted.
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export const httpUrl = (value: unknown): string | undefined => {
  const s = text(value);
  return s && /^https?:\/\//i.test(s) ? s : undefined;
};

/** The year of "2016-11-11T08:00:00Z", "2016-11-11" or 2016. */
export const yearOf = (value: unknown): number | undefined => {
  const year = typeof value === 'number' ? value : Number(text(value)?.slice(0, 4));
  return Number.isInteger(year) && year > 0 && year < 10000 ? year : undefined;
};

export const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
