// Verifying a received Webmention (https://www.w3.org/TR/webmention/#webmention-verification):
// fetch the source (bounded: size, time, redirects), check that it links to the target, and read
// what kind of mention it is and who wrote it from its microformats (h-entry, h-card).
import { mf2 } from 'microformats-parser';
import { isWebUrl } from '../settings/schema';
import { parsePage } from '../indieweb/html';
import { outboundFetch, OutboundError } from '../outbound/fetch';
import type { MentionAuthor, MentionType } from './events';

export const SOURCE_LIMITS = { timeoutMs: 5_000, maxBytes: 1 << 20, maxRedirects: 3 } as const;

export interface MentionFound {
  kind: MentionType;
  author?: MentionAuthor;
  content?: string;
  url?: string;
  published?: string;
}

export type Verification =
  | { outcome: 'links'; mention: MentionFound }
  /** Gone (404, 410) or no longer linking: an existing mention is removed. */
  | { outcome: 'not-linking'; reason: string }
  /** Could not be read now (network, 5xx): tried again, then given up without touching an existing mention. */
  | { outcome: 'unreachable'; reason: string; retryable: boolean };

export async function verifySource(source: string, target: string, signal?: AbortSignal): Promise<Verification> {
  let response: Awaited<ReturnType<typeof outboundFetch>>;
  try {
    response = await outboundFetch(source, { ...SOURCE_LIMITS, signal, headers: { accept: 'text/html, text/plain;q=0.5, application/json;q=0.5' } });
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    return { outcome: 'unreachable', reason: err.message, retryable: err.reason === 'timeout' || err.reason === 'network' || err.reason === 'busy' };
  }
  if (response.status === 404 || response.status === 410) return { outcome: 'not-linking', reason: `the source is gone (${response.status})` };
  if (response.status < 200 || response.status >= 300) return { outcome: 'unreachable', reason: `the source answered ${response.status}`, retryable: response.status >= 500 || response.status === 429 };
  return readSource(response.url, response.headers.get('content-type') ?? '', response.text(), target);
}

/** Reads a fetched source (pure: the tests give it pages of their own). */
export function readSource(url: string, type: string, body: string, target: string): Verification {
  if (/html/i.test(type)) {
    if (!parsePage(body, url).links().has(target)) return { outcome: 'not-linking', reason: 'the source does not link to the entry' };
    return { outcome: 'links', mention: mentionOf(body, url, target) };
  }
  if (/^(text\/plain|application\/json)/i.test(type)) {
    return body.includes(target) ? { outcome: 'links', mention: { kind: 'mention' } } : { outcome: 'not-linking', reason: 'the source does not mention the entry' };
  }
  return { outcome: 'not-linking', reason: `the source is ${type || 'untyped'}, which Shelf does not read` };
}

type Mf2Value = string | { value?: unknown; html?: string; type?: string[]; properties?: Record<string, Mf2Value[]> };
interface Mf2Item {
  type?: string[];
  properties: Record<string, Mf2Value[]>;
  children?: Mf2Item[];
}

const plain = (value: Mf2Value | undefined): string | undefined => (typeof value === 'string' ? value : typeof value?.value === 'string' ? value.value : undefined);
const cut = (text: string | undefined, max: number) => (text ? text.replace(/\s+/g, ' ').trim().slice(0, max) || undefined : undefined);
const webUrl = (value: Mf2Value | undefined) => {
  const text = plain(value);
  return text && text.length <= 2000 && isWebUrl(text) ? text : undefined;
};

function mentionOf(html: string, url: string, target: string): MentionFound {
  const parsed = mf2(html, { baseUrl: url });
  const items = parsed.items as unknown as Mf2Item[];
  const entries = items.flatMap((item) => [item, ...(item.children ?? [])]).filter((item) => item.type?.includes('h-entry'));
  const entry = entries[0];
  if (!entry) return { kind: 'mention', author: cardOf(items.find((i) => i.type?.includes('h-card'))) };
  // A URL, or an h-cite whose url is the target.
  const names = (property: string) => (entry.properties[property] ?? []).flatMap((v) => [plain(v), typeof v === 'object' ? plain(v.properties?.url?.[0]) : undefined]);
  const kind: MentionType = names('like-of').includes(target) ? 'like' : names('repost-of').includes(target) ? 'repost' : names('in-reply-to').includes(target) ? 'reply' : 'mention';
  const author = entry.properties.author?.[0];
  return {
    kind,
    author: typeof author === 'string' ? { name: cut(author, 100) } : cardOf(author as Mf2Item | undefined) ?? cardOf(items.find((i) => i.type?.includes('h-card'))),
    content: kind === 'reply' || kind === 'mention' ? cut(plain(entry.properties.content?.[0]) ?? plain(entry.properties.summary?.[0]) ?? plain(entry.properties.name?.[0]), 500) : undefined,
    url: webUrl(entry.properties.url?.[0]) ?? url,
    published: cut(plain(entry.properties.published?.[0]), 40),
  };
}

function cardOf(card: Mf2Item | undefined): MentionAuthor | undefined {
  if (!card?.properties) return undefined;
  const author = { name: cut(plain(card.properties.name?.[0]), 100), photo: webUrl(card.properties.photo?.[0]), url: webUrl(card.properties.url?.[0]) };
  return author.name || author.photo || author.url ? author : undefined;
}
