'use server';
// Server actions for the admin's announcement status.
import { readyMediaStore } from '../media/store';
import { requestAnnouncementRetry, type RetryResult } from './retry';

/** Asks the announcer to try a channel again after it gave up on it (the admin's retry button). */
export async function requestRetry(entryId: string, channel: string): Promise<RetryResult> {
  // TODO(auth): refuse unless the admin session is valid, once lib/auth exists.
  return requestAnnouncementRetry(await readyMediaStore(), entryId, channel);
}
