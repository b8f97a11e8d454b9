'use server';
// Server actions for the admin's announcement status.
import { revalidatePath } from 'next/cache';
import { isAdmin, NOT_LOGGED_IN } from '../auth';
import { readyMediaStore } from '../media/store';
import { requestAnnouncementRetry, type RetryResult } from './retry';

/** Asks the announcer to try a channel again after it gave up on it (the admin's retry button). */
export async function requestRetry(entryId: string, channel: string): Promise<RetryResult> {
  if (!(await isAdmin())) return { ok: false, error: NOT_LOGGED_IN, fields: {} };
  const result = await requestAnnouncementRetry(await readyMediaStore(), entryId, channel);
  revalidatePath('/admin');
  return result;
}
