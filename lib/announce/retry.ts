// The admin's "retry" for a channel that gave up: records AnnouncementRetryRequested, which the
// announcer picks up from the log like any other event.
import { z } from 'zod';
import { EventRejectedError } from '../eventstore';
import type { MediaStore } from '../media/store';
import { CHANNELS } from './events';

export type RetryResult = { ok: true } | { ok: false; error: string; fields: Record<string, string> };

const retryInput = z.object({
  entryId: z.string({ error: 'entryId must be text' }).min(1, { error: 'entryId is required' }).max(128, { error: 'entryId is too long' }),
  channel: z.enum(CHANNELS, { error: `channel must be one of: ${CHANNELS.join(', ')}` }),
});

export async function requestAnnouncementRetry(store: MediaStore, entryId: unknown, channel: unknown): Promise<RetryResult> {
  const parsed = retryInput.safeParse({ entryId, channel });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { ok: false, error: `Please fix: ${Object.keys(fields).join(', ')}`, fields };
  }
  const input = parsed.data;
  await store.ready;
  // A double click: the first retry is already queued, which is what was asked.
  if (store.snapshot().entries.get(input.entryId)?.announcements[input.channel]?.state === 'retrying') return { ok: true };
  try {
    await store.dispatch({ type: 'AnnouncementRetryRequested', data: input });
    return { ok: true };
  } catch (err) {
    if (err instanceof EventRejectedError) return { ok: false, error: err.reason, fields: {} };
    throw err;
  }
}
