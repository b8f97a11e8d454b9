// The Webmention log folded: mentions per entry (what entry pages show), verifications waiting,
// and the latest delivery per entry and cited URL (what the sender checks before sending).
import { Map as PersistentMap } from 'immutable';
import type { EnvelopeOf } from '../eventstore';
import type { MentionAuthor, MentionType, WebmentionEvent } from './events';

export interface Mention {
  entryId: string;
  source: string;
  target: string;
  kind: MentionType;
  author?: MentionAuthor;
  content?: string;
  url?: string;
  published?: string;
  verifiedAt: string;
  hidden: boolean;
}

export interface Delivery {
  entryId: string;
  target: string;
  /** The entry's version (its latest change's seq) this delivery is for. */
  version: number;
  state: 'sent' | 'retrying' | 'failed' | 'no-endpoint';
  attempts: number;
  endpoint?: string;
  status?: number;
  error?: string;
  at: string;
}

export interface WebmentionState {
  /** By entry, oldest verified first. */
  mentions: PersistentMap<string, readonly Mention[]>;
  /** `source \n target` -> the seq of the request waiting to be verified. */
  pending: PersistentMap<string, number>;
  /** `entryId \n target` -> the latest delivery. */
  deliveries: PersistentMap<string, Delivery>;
  /** Entry -> every URL a Webmention was sent to: told again when the entry changes or goes. */
  sentTargets: PersistentMap<string, readonly string[]>;
}

export const initialWebmentionState: WebmentionState = {
  mentions: PersistentMap(),
  pending: PersistentMap(),
  deliveries: PersistentMap(),
  sentTargets: PersistentMap(),
};

export const pendingKey = (source: string, target: string) => `${source}\n${target}`;
export const deliveryKey = (entryId: string, target: string) => `${entryId}\n${target}`;

export function evolveWebmentions(state: WebmentionState, event: EnvelopeOf<WebmentionEvent>): WebmentionState {
  switch (event.type) {
    case 'WebmentionReceived': {
      const key = pendingKey(event.data.source, event.data.target);
      return state.pending.has(key) ? state : { ...state, pending: state.pending.set(key, event.seq) };
    }
    case 'MentionVerified': {
      const { source, target, entryId, kind, author, content, url, published } = event.data;
      const list = state.mentions.get(entryId) ?? [];
      const before = list.find((m) => m.source === source);
      const mention: Mention = { entryId, source, target, kind, author, content, url, published, verifiedAt: event.at, hidden: before?.hidden ?? false };
      const next = before ? list.map((m) => (m === before ? mention : m)) : [...list, mention];
      return { ...state, pending: state.pending.delete(pendingKey(source, target)), mentions: state.mentions.set(entryId, next) };
    }
    case 'WebmentionRejected':
      // Nothing learnt about the source: a mention already shown stays.
      return { ...state, pending: state.pending.delete(pendingKey(event.data.source, event.data.target)) };
    case 'MentionRemoved': {
      const { source, target, entryId } = event.data;
      const list = state.mentions.get(entryId) ?? [];
      const mentions = list.some((m) => m.source === source) ? state.mentions.set(entryId, list.filter((m) => m.source !== source)) : state.mentions;
      return { ...state, pending: state.pending.delete(pendingKey(source, target)), mentions };
    }
    case 'MentionHidden':
    case 'MentionShown': {
      const { source, entryId } = event.data;
      const hidden = event.type === 'MentionHidden';
      const list = state.mentions.get(entryId);
      if (!list?.some((m) => m.source === source && m.hidden !== hidden)) return state;
      return { ...state, mentions: state.mentions.set(entryId, list.map((m) => (m.source === source ? { ...m, hidden } : m))) };
    }
    case 'WebmentionSent': {
      const { entryId, target, version, endpoint, status, attempt } = event.data;
      const sent = state.sentTargets.get(entryId) ?? [];
      return {
        ...state,
        deliveries: state.deliveries.set(deliveryKey(entryId, target), { entryId, target, version, state: 'sent', attempts: attempt, endpoint, status, at: event.at }),
        sentTargets: sent.includes(target) ? state.sentTargets : state.sentTargets.set(entryId, [...sent, target]),
      };
    }
    case 'WebmentionFailed': {
      const { entryId, target, version, attempt, error, final } = event.data;
      return { ...state, deliveries: state.deliveries.set(deliveryKey(entryId, target), { entryId, target, version, state: final ? 'failed' : 'retrying', attempts: attempt, error, at: event.at }) };
    }
    case 'WebmentionNoEndpoint': {
      const { entryId, target, version } = event.data;
      return { ...state, deliveries: state.deliveries.set(deliveryKey(entryId, target), { entryId, target, version, state: 'no-endpoint', attempts: 1, at: event.at }) };
    }
    case 'WebmentionsSkipped':
      return state;
  }
}

/** The mentions a visitor sees on an entry's page. */
export const visibleMentions = (state: WebmentionState, entryId: string): Mention[] => (state.mentions.get(entryId) ?? []).filter((m) => !m.hidden);

/** Every mention, newest first (the owner's list). */
export const allMentions = (state: WebmentionState): Mention[] =>
  [...state.mentions.values()].flat().sort((a, b) => (a.verifiedAt < b.verifiedAt ? 1 : a.verifiedAt > b.verifiedAt ? -1 : 0));
