import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../eventstore';
import { storeOptions } from '../eventstore/define-store';
import { removeFollower, setHandle, unblockServer } from './admin';
import { currentHandle, defaultHandle } from './handle';
import type { FediverseStore } from './store';
import { fediverseDefinition } from './store-definition';

async function store(): Promise<FediverseStore> {
  const s = createStore(storeOptions(fediverseDefinition, mkdtempSync(join(tmpdir(), 'shelf-fedi-admin-')))) as FediverseStore;
  await s.ready;
  return s;
}

describe("the owner's fediverse settings", () => {
  it('take the handle from SHELF_HANDLE, else `shelf`, until one is set', async () => {
    expect(defaultHandle({ SHELF_HANDLE: 'Books' })).toBe('books');
    expect(defaultHandle({ SHELF_HANDLE: 'not a handle!' })).toBe('shelf');
    expect(defaultHandle({})).toBe('shelf');
    const s = await store();
    expect(await setHandle(s, 'ada reads')).toEqual({ ok: false, error: 'Please fix: Handle', fields: { handle: expect.stringContaining('letters, digits') } });
    expect(s.version()).toBe(0);
    expect(await setHandle(s, ' Ada.Reads ')).toEqual({ ok: true, message: 'Saved. The shelf is @ada.reads now.' });
    expect(currentHandle(s.snapshot())).toBe('ada.reads');
  });

  it('remove a follower, or remove and block their server, and unblock it', async () => {
    const s = await store();
    const follower = (name: string) => ({ actorId: `https://m.example/users/${name}`, inbox: `https://m.example/users/${name}/inbox`, handle: `@${name}@m.example`, followId: `https://m.example/f/${name}`, origin: 'https://books.example' });
    for (const name of ['ann', 'bo', 'cy']) await s.dispatch({ type: 'FollowerAdded', data: follower(name) });
    expect(await removeFollower(s, follower('ann').actorId, false)).toEqual({ ok: true, message: 'Removed @ann@m.example.' });
    expect(await removeFollower(s, follower('ann').actorId, false)).toMatchObject({ ok: false });
    expect(await removeFollower(s, follower('bo').actorId, true)).toEqual({ ok: true, message: 'Removed @bo@m.example and blocked m.example.' });
    expect(s.snapshot().followers.size).toBe(0);
    expect(await unblockServer(s, 'm.example')).toEqual({ ok: true, message: 'Unblocked m.example.' });
    expect(await unblockServer(s, 'm.example')).toMatchObject({ ok: false, error: 'm.example is not blocked' });
  });
});
