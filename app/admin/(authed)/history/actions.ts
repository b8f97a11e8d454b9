'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { isAdmin, NOT_LOGGED_IN } from '@/lib/auth';
import { undoChange } from '@/lib/media/commands';

export interface UndoState {
  error?: string;
}

// Bound arguments of a server action come back from the browser: check them like any input.
const undoArgs = z.object({ entryId: z.string().min(1).max(128), seq: z.number().int().min(1) });

/** Undoes an entry's latest change with a compensating event (the command refuses anything else). */
export async function undoChangeAction(entryId: string, seq: number): Promise<UndoState> {
  // An expired session is told so next to the button, like the other admin actions.
  if (!(await isAdmin())) return { error: NOT_LOGGED_IN };
  const args = undoArgs.safeParse({ entryId, seq });
  if (!args.success) return { error: 'Not an entry change that can be undone' };
  const result = await undoChange(args.data.entryId, args.data.seq);
  if (!result.ok) return { error: result.error }; // the page stays as it is, so the message stays next to its button
  revalidatePath('/admin', 'layout');
  return {};
}
