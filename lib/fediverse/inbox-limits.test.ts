import { describe, expect, it } from 'vitest';
import { INBOX_LIMITS, inboxAdmission } from './inbox-limits';

describe('the inbox limits', () => {
  it('take a burst from one client, then answer 429 with Retry-After, while other clients still get in', () => {
    const now = 1_000_000;
    for (let i = 0; i < INBOX_LIMITS.clientBurst; i++) expect(inboxAdmission('10.0.0.1', now)).toBeUndefined();
    const refused = inboxAdmission('10.0.0.1', now)!;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(inboxAdmission('10.0.0.2', now)).toBeUndefined();
  });

  it('bound all clients together, whatever keys they come with', () => {
    const now = 2_000_000;
    let admitted = 0;
    for (let i = 0; i < 1_000; i++) if (!inboxAdmission(`client-${i}`, now)) admitted++;
    expect(admitted).toBeLessThanOrEqual(INBOX_LIMITS.totalBurst);
  });

  it("charge a client nothing for POSTs that everyone's limit refused", () => {
    const now = 3_000_000;
    while (inboxAdmission(`crowd-${Math.random()}`, now) === undefined);
    // The crowd spent everyone's share: this server's backlog is refused, burst after burst...
    for (let i = 0; i < INBOX_LIMITS.clientBurst; i++) expect(inboxAdmission('10.0.0.9', now)?.status).toBe(429);
    // ...and once everyone's bucket has 20 tokens again (0.4 s), it still has its own whole burst.
    const later = now + 400;
    let admitted = 0;
    for (let i = 0; i < INBOX_LIMITS.clientBurst; i++) if (!inboxAdmission('10.0.0.9', later)) admitted++;
    expect(admitted).toBe(INBOX_LIMITS.clientBurst);
  });
});
