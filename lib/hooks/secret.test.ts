import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/hooks/[source]/[secret]/route';
import { tempDir } from '../eventstore/testing/counter';
import { stampHeaders } from '../http/edge-stamp';
import { resetHookLimits, takeHookSlot } from './limits';
import { hooksSecret, hooksSecretProblem, isHooksSecret, regenerateHooksSecret } from './secret';

const saved = { ...process.env };
beforeEach(() => {
  process.env.EVENTS_DIR = tempDir('shelf-hooks-secret-');
  delete process.env.HOOKS_SECRET;
  resetHookLimits();
});
afterEach(() => {
  process.env = { ...saved };
});

describe('HOOKS_SECRET', () => {
  it('is generated once when unset, kept readable by the owner only (0600), and the same after a reload', async () => {
    const first = await hooksSecret();
    expect(first.fromEnv).toBe(false);
    expect(first.secret.length).toBeGreaterThanOrEqual(16);
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]+$/);
    expect((await hooksSecret()).secret).toBe(first.secret);
    expect(statSync(join(process.env.EVENTS_DIR!, 'hooks-secret.json')).mode & 0o777).toBe(0o600);
  });

  it('regenerating makes the old secret a 404 at once', async () => {
    const old = (await hooksSecret()).secret;
    const fresh = await regenerateHooksSecret();
    expect(fresh).not.toBe(old);
    expect(await isHooksSecret(old)).toBe(false);
    expect(await isHooksSecret(fresh)).toBe(true);
    const response = await POST(new Request(`http://shelf.test/api/hooks/plex/${old}`, { method: 'POST', body: '{}' }), { params: Promise.resolve({ source: 'plex', secret: old }) });
    expect(response.status).toBe(404);
  });

  it('from the environment wins, cannot be regenerated here, and must be 16+ URL-safe characters', async () => {
    process.env.HOOKS_SECRET = 'set-by-the-owner-0123';
    expect(await hooksSecret()).toEqual({ secret: 'set-by-the-owner-0123', fromEnv: true });
    await expect(regenerateHooksSecret()).rejects.toThrow(/HOOKS_SECRET sets the secret/);
    expect(hooksSecretProblem('short')).toMatch(/5 characters long; use at least 16/);
    expect(hooksSecretProblem('has/a/slash-in-it-0123')).toMatch(/only letters, digits/);
    expect(hooksSecretProblem('set-by-the-owner-0123')).toBeNull();
    expect(hooksSecretProblem(undefined)).toBeNull();
  });
});

describe('delivery budgets', () => {
  it('bound a source for all clients together, however many addresses a flood comes from', async () => {
    process.env.HOOKS_GLOBAL_RATE_LIMIT = '5';
    const now = 1_000_000;
    const answers = Array.from({ length: 8 }, (_, i) => takeHookSlot('jellyfin', `client-${i}`, now).ok);
    expect(answers).toEqual([true, true, true, true, true, false, false, false]);
    expect(takeHookSlot('plex', 'client-0', now).ok).toBe(true);
    expect(takeHookSlot('jellyfin', 'client-9', now + 60_000).ok).toBe(true); // a minute later
  });

  it('key each client on the edge\'s stamp, not on a header it sends', async () => {
    process.env.HOOKS_SECRET = 'set-by-the-owner-0123';
    process.env.HOOKS_RATE_LIMIT = '1';
    const send = (address: string, forged: string) =>
      POST(
        new Request('http://shelf.test/api/hooks/jellyfin/set-by-the-owner-0123', {
          method: 'POST',
          body: '{"NotificationType":"PlaybackStart"}',
          headers: stampHeaders({ 'x-forwarded-for': forged } as Record<string, string>, { address, key: address, origin: undefined }),
        }),
        { params: Promise.resolve({ source: 'jellyfin', secret: 'set-by-the-owner-0123' }) },
      );
    expect((await send('192.0.2.1', '1.1.1.1')).status).toBe(200);
    expect((await send('192.0.2.1', '2.2.2.2')).status).toBe(429);
    expect((await send('192.0.2.2', '1.1.1.1')).status).toBe(200);
  });
});
