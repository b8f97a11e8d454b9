// The owner's changes to the fediverse account, from /admin/settings: the handle, removing a
// follower (and blocking their server). Checked input, a clear answer per field, events recorded.
import { EventRejectedError, type Store } from '../eventstore';
import { handleSchema, type FediverseEvent } from './events';
import { hostOf, type FediverseState } from './projection';

type AdminStore = Pick<Store<FediverseState, FediverseEvent>, 'dispatch' | 'snapshot'>;
export type AdminResult = { ok: true; message: string } | { ok: false; error: string; fields: Record<string, string> };

export async function setHandle(store: AdminStore, input: unknown): Promise<AdminResult> {
  const parsed = handleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Please fix: Handle', fields: { handle: parsed.error.issues[0]!.message } };
  await store.dispatch({ type: 'HandleSet', data: { handle: parsed.data } });
  return { ok: true, message: `Saved. The shelf is @${parsed.data} now.` };
}

/** Removes a follower; with `block`, their whole server too (its other followers go, and its Follows are refused). */
export async function removeFollower(store: AdminStore, actorId: unknown, block: boolean): Promise<AdminResult> {
  const follower = typeof actorId === 'string' ? store.snapshot().followers.get(actorId) : undefined;
  if (!follower) return { ok: false, error: 'That account does not follow the shelf (any more).', fields: { actorId: 'Not a follower' } };
  try {
    if (block) {
      const host = hostOf(follower.actorId);
      await store.dispatch({ type: 'ServerBlocked', data: { host } });
      return { ok: true, message: `Removed ${follower.handle} and blocked ${host}.` };
    }
    await store.dispatch({ type: 'FollowerRemoved', data: { actorId: follower.actorId, by: 'owner' } });
    return { ok: true, message: `Removed ${follower.handle}.` };
  } catch (err) {
    if (err instanceof EventRejectedError) return { ok: false, error: err.reason, fields: {} };
    throw err;
  }
}

export async function unblockServer(store: AdminStore, host: unknown): Promise<AdminResult> {
  try {
    await store.dispatch({ type: 'ServerUnblocked', data: { host: String(host ?? '') } });
    return { ok: true, message: `Unblocked ${host}.` };
  } catch (err) {
    if (err instanceof EventRejectedError) return { ok: false, error: err.reason, fields: {} };
    throw err;
  }
}
