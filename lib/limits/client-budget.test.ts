import { describe, expect, it } from 'vitest';
import { ClientBudget, retryAfterSeconds } from './client-budget';
import { MinuteWindows } from './minute-window';
import { TokenBuckets } from './token-bucket';

describe('a budget per client and for all clients together', () => {
  it('refuses a client past its own share, saying so, while another client still gets in', () => {
    const budget = new ClientBudget(new TokenBuckets({ perSecond: 1, burst: 2 }), new TokenBuckets({ perSecond: 100, maxKeys: 1 }));
    expect(budget.take('a', 0)).toEqual({ ok: true });
    expect(budget.take('a', 0)).toEqual({ ok: true });
    expect(budget.take('a', 0)).toEqual({ ok: false, retryInMs: 1000, who: 'client' });
    expect(budget.take('b', 0)).toEqual({ ok: true });
  });

  it("refuses everyone past the shared limit, and gives the refused client its share back", () => {
    const budget = new ClientBudget(new TokenBuckets({ perSecond: 1, burst: 1 }), new TokenBuckets({ perSecond: 1, burst: 3, maxKeys: 1 }));
    for (const client of ['a', 'b', 'c']) expect(budget.take(client, 0).ok).toBe(true);
    expect(budget.take('quiet', 0)).toEqual({ ok: false, retryInMs: 1000, who: 'all' });
    // A second later the shared bucket has a token again, and the quiet client's own was never spent.
    expect(budget.take('quiet', 1000)).toEqual({ ok: true });
  });

  it('works the same with sliding minute windows (IndieWeb budgets), refund included', () => {
    const budget = new ClientBudget(new MinuteWindows(2), new MinuteWindows(3, 1));
    expect([budget.take('a', 0).ok, budget.take('a', 1).ok, budget.take('a', 2)]).toEqual([true, true, { ok: false, retryInMs: 59_998, who: 'client' }]);
    expect(budget.take('b', 3).ok).toBe(true);
    expect(budget.take('c', 4)).toMatchObject({ ok: false, who: 'all' });
    expect(budget.take('c', 60_000).ok).toBe(true); // a's first slot left the shared window; c's refused take cost it nothing
    expect(budget.take('c', 60_001).ok).toBe(true);
  });

  it('rounds Retry-After up to whole seconds, at least one', () => {
    expect(retryAfterSeconds(50)).toBe('1');
    expect(retryAfterSeconds(1001)).toBe('2');
  });
});
