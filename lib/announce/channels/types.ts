import type { Channel } from '../events';
import type { AnnouncementText } from '../template';

/** The public fields of an entry, as the JSON API shows them. */
export interface PublicEntryFields {
  id: string;
  kind: string;
  title: string;
  creator?: string;
  url?: string;
  coverUrl?: string;
  rating?: number;
  review?: string;
  /** Set on every announced entry: only finished entries are announced. */
  finishedOn?: string;
  status?: string;
  startedOn?: string;
  progress?: number;
  tags?: string[];
}

/** One post to send: everything a channel needs, the same on every attempt. */
export interface Announcement {
  entryId: string;
  channel: Channel;
  /** When the entry was logged (its MediaFinished event): part of Bluesky's record key. */
  loggedAt: string;
  text: AnnouncementText;
  entry: PublicEntryFields;
}

export interface Posted {
  /** The network's id of the post (Bluesky: its at:// URI; webhook: the event id). */
  postId: string;
  /** Where people can see it, when the network says. */
  url?: string;
}

export interface ChannelClient {
  readonly channel: Channel;
  /** Sends one post, or throws (a ChannelError says whether and when to try again). */
  send(announcement: Announcement, signal: AbortSignal): Promise<Posted>;
}

/** A failed send: `retryable` is false for errors a retry cannot fix (bad credentials, a rejected post). */
export class ChannelError extends Error {
  readonly retryable: boolean;
  /** The network asked to wait this long (429 Retry-After, rate-limit reset). */
  readonly retryAfterMs?: number;
  readonly status?: number;

  constructor(message: string, opts: { retryable: boolean; retryAfterMs?: number; status?: number; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.name = 'ChannelError';
    this.retryable = opts.retryable;
    this.retryAfterMs = opts.retryAfterMs;
    this.status = opts.status;
  }
}
