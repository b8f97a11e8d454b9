'use server';
// The IndieWeb section's buttons: revoke an app's token, hide or show a mention.
import { revalidatePath } from 'next/cache';
import { assertAdmin } from '@/lib/auth';
import { EventRejectedError } from '@/lib/eventstore';
import { grants } from '@/lib/indieauth/grants';
import { readyWebmentionStore } from '@/lib/webmention/store';

export async function revokeTokenAction(id: string): Promise<void> {
  await assertAdmin();
  await grants().revokeId(id);
  revalidatePath('/admin/settings');
}

export async function setMentionHiddenAction(entryId: string, source: string, hidden: boolean): Promise<void> {
  await assertAdmin();
  const store = await readyWebmentionStore();
  try {
    await store.dispatch({ type: hidden ? 'MentionHidden' : 'MentionShown', data: { entryId, source } });
  } catch (err) {
    // The mention went meanwhile (its source stopped linking): the list below says so.
    if (!(err instanceof EventRejectedError)) throw err;
  }
  revalidatePath('/admin/settings');
}
