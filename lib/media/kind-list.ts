import { isKind, type Kind } from './kinds';

/**
 * Kinds from a comma list as URLs carry them (`?kind=book,game`): case and spaces forgiven, unknown
 * names and repeats dropped. An empty result means "every kind".
 */
export function parseKindList(raw: string | null | undefined): Kind[] {
  const kinds: Kind[] = [];
  for (const part of (raw ?? '').split(',')) {
    const name = part.trim().toLowerCase();
    if (isKind(name) && !kinds.includes(name)) kinds.push(name);
  }
  return kinds;
}
