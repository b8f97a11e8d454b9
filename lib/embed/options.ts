// The widget's query options. Anyone can put anything in an embed URL, so parsing never fails:
// each option that is missing or invalid takes its default on its own.
import { parseKindList } from '../media/kind-list';
import type { Kind } from '../media/kinds';

export const THEMES = ['auto', 'light', 'dark'] as const;
export const LAYOUTS = ['list', 'grid'] as const;
export type Theme = (typeof THEMES)[number];
export type Layout = (typeof LAYOUTS)[number];

export const LIMIT_MIN = 1;
export const LIMIT_MAX = 50;

export interface EmbedOptions {
  /** Empty: every kind. */
  kinds: Kind[];
  limit: number;
  /** `auto` follows the visitor's light/dark preference. */
  theme: Theme;
  layout: Layout;
  covers: boolean;
  ratings: boolean;
  reviews: boolean;
  /** Show what is in progress ("Now") above the finished entries. */
  now: boolean;
}

export const DEFAULT_EMBED_OPTIONS: Readonly<EmbedOptions> = Object.freeze({
  kinds: [],
  limit: 5,
  theme: 'auto',
  layout: 'list',
  covers: true,
  ratings: true,
  reviews: false,
  now: false,
});

/** The names the widget reads, in the order snippets write them. */
export const OPTION_NAMES = ['kind', 'limit', 'theme', 'layout', 'covers', 'ratings', 'reviews', 'now'] as const;

type Raw = string | string[] | null | undefined;
/** A page's `searchParams`, a `URLSearchParams`, or a plain object of strings. */
export type RawEmbedParams = URLSearchParams | Readonly<Record<string, Raw>>;

/** `defaults`: what a missing option takes (the owner's widget defaults from the settings page). */
export function parseEmbedOptions(params: RawEmbedParams, defaults: Readonly<EmbedOptions> = DEFAULT_EMBED_OPTIONS): EmbedOptions {
  const get = (name: string): string | undefined => {
    const value: Raw = params instanceof URLSearchParams ? params.get(name) : params[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.trim() : undefined;
  };
  const d = defaults;
  return {
    kinds: parseKindList(get('kind')),
    limit: parseLimit(get('limit')) ?? d.limit,
    theme: oneOf(THEMES, get('theme')) ?? d.theme,
    layout: oneOf(LAYOUTS, get('layout')) ?? d.layout,
    covers: parseToggle(get('covers')) ?? d.covers,
    ratings: parseToggle(get('ratings')) ?? d.ratings,
    reviews: parseToggle(get('reviews')) ?? d.reviews,
    now: parseToggle(get('now')) ?? d.now,
  };
}

/**
 * The query string (without `?`) for these options, naming only what differs from the defaults
 * (`base`: the owner's widget defaults, which /embed applies to what a URL leaves out).
 */
export function embedQuery(options: EmbedOptions, base: Readonly<EmbedOptions> = DEFAULT_EMBED_OPTIONS): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(embedAttributes(options, base))) params.set(name, value);
  return params.toString();
}

/** Option name to written value, non-defaults only, in OPTION_NAMES order (also the script's data-* attributes). */
export function embedAttributes(options: EmbedOptions, base: Readonly<EmbedOptions> = DEFAULT_EMBED_OPTIONS): Record<string, string> {
  const d = base;
  const out: Record<string, string> = {};
  if (options.kinds.length > 0) out.kind = options.kinds.join(',');
  if (options.limit !== d.limit) out.limit = String(options.limit);
  if (options.theme !== d.theme) out.theme = options.theme;
  if (options.layout !== d.layout) out.layout = options.layout;
  for (const name of ['covers', 'ratings', 'reviews', 'now'] as const) {
    if (options[name] !== d[name]) out[name] = options[name] ? '1' : '0';
  }
  return out;
}

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,3}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= LIMIT_MIN && n <= LIMIT_MAX ? n : undefined;
}

function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | undefined {
  const lower = raw?.toLowerCase();
  return values.find((v) => v === lower);
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

function parseToggle(raw: string | undefined): boolean | undefined {
  const lower = raw?.toLowerCase();
  if (lower === undefined) return undefined;
  if (TRUE.includes(lower)) return true;
  if (FALSE.includes(lower)) return false;
  return undefined;
}
