'use server';

import { revalidatePath } from 'next/cache';
import { isAdmin, NOT_LOGGED_IN } from '@/lib/auth';
import { hookSettingsSchema, saveHookSettings } from '@/lib/hooks/hooks-document';
import { fieldErrors } from '@/lib/media/fields';
import { regenerateHooksSecret } from '@/lib/hooks/secret';

export interface HookSettingsState {
  status: 'idle' | 'saved' | 'error';
  message?: string;
  fields: Record<string, string>;
  values: { visibility: string; announce: boolean };
}

/** Saves how automatic entries are logged: public or private, announced or not. */
export async function saveHookSettingsAction(_prev: HookSettingsState, form: FormData): Promise<HookSettingsState> {
  const values = { visibility: String(form.get('visibility') ?? ''), announce: form.get('announce') === 'on' };
  if (!(await isAdmin())) return { status: 'error', message: NOT_LOGGED_IN, fields: {}, values };
  const parsed = hookSettingsSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Not saved: fix the field marked.', fields: fieldErrors(parsed.error), values };
  const saved = await saveHookSettings(parsed.data);
  return { status: 'saved', message: 'Saved. The next automatic entry follows it.', fields: {}, values: saved };
}

export interface RegenerateState {
  status: 'idle' | 'done' | 'error';
  message?: string;
}

/** A new secret: every URL pasted before answers 404 from now on. */
export async function regenerateHooksSecretAction(): Promise<RegenerateState> {
  if (!(await isAdmin())) return { status: 'error', message: NOT_LOGGED_IN };
  try {
    await regenerateHooksSecret();
  } catch (err) {
    return { status: 'error', message: (err as Error).message };
  }
  revalidatePath('/admin/settings');
  return { status: 'done', message: 'New secret made: paste the new URLs into your media servers; the old ones now answer 404.' };
}
