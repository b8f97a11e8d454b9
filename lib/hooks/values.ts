// Reading the loosely typed values of webhook payloads: a server's own JSON sends numbers and
// booleans, a rendered template sends the same as text ("2016", "True"), and a template's empty
// placeholder is "". Each helper answers undefined for anything it cannot read.

export type Fields = Record<string, unknown>;

export const record = (value: unknown): Fields | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;

/** The value of `name`, or of the same name in another case (a hand-written template's keys vary). */
export function pick(fields: Fields | undefined, name: string): unknown {
  if (!fields) return undefined;
  if (Object.hasOwn(fields, name)) return fields[name];
  const lower = name.toLowerCase();
  const key = Object.keys(fields).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : fields[key];
}

/** Trimmed text (a number reads as its digits), or undefined when empty. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A whole number >= 0 from a number or its digits. */
export function count(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** A number (a rating) from a number or its text. */
export function decimal(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** true/false from a boolean, or from "true"/"True"/"false" (.NET templates render booleans capitalised). */
export function truth(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return word === 'true' ? true : word === 'false' ? false : undefined;
}

/** A year from 1800 to 2200. */
export function year(value: unknown): number | undefined {
  const n = count(value);
  return n !== undefined && n >= 1800 && n <= 2200 ? n : undefined;
}

/** "S01E03" from a season and an episode number (either missing: undefined). */
export const episodeNote = (season: number | undefined, episode: number | undefined) =>
  season === undefined || episode === undefined ? undefined : `S${String(season).padStart(2, '0')}E${String(episode).padStart(2, '0')}`;

/** [season, episode] of a note written by episodeNote, to tell a later episode from an earlier one. */
export function episodeOf(note: string | undefined): [number, number] | undefined {
  const match = /^S(\d+)E(\d+)$/.exec(note ?? '');
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** A 400's fields: each missing or unreadable part of the payload, by its name in the payload. */
export const missing = (...names: string[]) => Object.fromEntries(names.map((name) => [name, 'missing']));
