'use server';

import { revalidatePath } from 'next/cache';
import { isAdmin, NOT_LOGGED_IN } from '@/lib/auth';
import { describeChanges } from '@/lib/media/describe';
import { abandonEntry, diffEntry, editEntry, finishEntry, logEntry, removeEntry, restartEntry, restoreEntry } from '@/lib/media/commands';
import { emptyFormValues, formInput, readFormValues, type EntryFormValues } from '@/lib/media/form-values';
import { readyMediaStore } from '@/lib/media/store';
import { ownerToday } from '@/lib/media/today';

export interface EntryFormState {
  status: 'idle' | 'saved' | 'error';
  message?: string;
  /** Error per field, shown next to it. */
  fields: Record<string, string>;
  /** What the inputs show next: the user's input after an error, a fresh form after logging. */
  values: EntryFormValues;
  entryId?: string;
}

export async function logEntryAction(_prev: EntryFormState, form: FormData): Promise<EntryFormState> {
  const values = readFormValues(form);
  if (!(await isAdmin())) return { status: 'error', message: NOT_LOGGED_IN, fields: {}, values };
  const result = await logEntry(formInput(values));
  if (!result.ok) return { status: 'error', message: 'Not logged: please fix the marked fields.', fields: result.fields, values };
  revalidatePath('/admin');
  return {
    status: 'saved',
    message: `Logged “${result.value.title}”.`,
    fields: {},
    values: emptyFormValues(ownerToday()),
    entryId: result.value.id,
  };
}

export async function editEntryAction(entryId: string, _prev: EntryFormState, form: FormData): Promise<EntryFormState> {
  const values = readFormValues(form);
  if (!(await isAdmin())) return { status: 'error', message: NOT_LOGGED_IN, fields: {}, values };
  const before = (await readyMediaStore()).snapshot().entries.get(entryId);
  const result = await editEntry(entryId, formInput(values));
  if (!result.ok) return { status: 'error', message: result.error, fields: result.fields, values };
  revalidatePath('/admin');
  const changed = before ? describeChanges(diffEntry(before, result.value)) : [];
  return {
    status: 'saved',
    message: changed.length ? `Saved: ${changed.join(', ')}.` : 'Nothing changed.',
    fields: {},
    values,
    entryId,
  };
}

export interface RowActionState {
  error?: string;
}

export async function removeEntryAction(entryId: string): Promise<RowActionState> {
  if (!(await isAdmin())) return { error: NOT_LOGGED_IN };
  const result = await removeEntry(entryId);
  revalidatePath('/admin');
  return result.ok ? {} : { error: result.error };
}

export async function restoreEntryAction(entryId: string): Promise<RowActionState> {
  if (!(await isAdmin())) return { error: NOT_LOGGED_IN };
  const result = await restoreEntry(entryId);
  revalidatePath('/admin');
  return result.ok ? {} : { error: result.error };
}

/** Finish (today), abandon or restart an entry from its row; a refused change (finished twice) says why. */
export async function changeStatusAction(entryId: string, to: 'finished' | 'abandoned' | 'in-progress'): Promise<RowActionState> {
  if (!(await isAdmin())) return { error: NOT_LOGGED_IN };
  const result = to === 'finished' ? await finishEntry(entryId) : to === 'abandoned' ? await abandonEntry(entryId) : await restartEntry(entryId);
  revalidatePath('/admin');
  return result.ok ? {} : { error: result.error };
}
