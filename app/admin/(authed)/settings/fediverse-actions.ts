'use server';

import { revalidatePath } from 'next/cache';
import { isAdmin, NOT_LOGGED_IN } from '@/lib/auth';
import { removeFollower, setHandle, unblockServer, type AdminResult } from '@/lib/fediverse/admin';
import { readyFediverseStore } from '@/lib/fediverse/store';

export interface FediverseFormState {
  status: 'idle' | 'ok' | 'error';
  message: string;
  fields: Record<string, string>;
  /** The handle as typed, kept after an error. */
  handle?: string;
}

const refused: FediverseFormState = { status: 'error', message: NOT_LOGGED_IN, fields: {} };
const stateOf = (result: AdminResult, handle?: string): FediverseFormState =>
  result.ok ? { status: 'ok', message: result.message, fields: {} } : { status: 'error', message: result.error, fields: result.fields, ...(handle === undefined ? {} : { handle }) };

export async function saveHandleAction(_prev: FediverseFormState, form: FormData): Promise<FediverseFormState> {
  const handle = String(form.get('handle') ?? '');
  if (!(await isAdmin())) return { ...refused, handle };
  const result = await setHandle(await readyFediverseStore(), handle);
  revalidatePath('/admin/settings');
  return stateOf(result, handle);
}

export async function removeFollowerAction(_prev: FediverseFormState, form: FormData): Promise<FediverseFormState> {
  if (!(await isAdmin())) return refused;
  const result = await removeFollower(await readyFediverseStore(), form.get('actorId'), form.get('block') === '1');
  revalidatePath('/admin/settings');
  return stateOf(result);
}

export async function unblockServerAction(_prev: FediverseFormState, form: FormData): Promise<FediverseFormState> {
  if (!(await isAdmin())) return refused;
  const result = await unblockServer(await readyFediverseStore(), form.get('host'));
  revalidatePath('/admin/settings');
  return stateOf(result);
}
