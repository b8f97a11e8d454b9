import { describe, expect, it } from 'vitest';
import { retryPolicyFromEnv } from './retry-policy';

describe('retryPolicyFromEnv', () => {
  it('reads positive integers and leaves the rest to the defaults', () => {
    expect(retryPolicyFromEnv({ ANNOUNCE_MAX_ATTEMPTS: '2', ANNOUNCE_RETRY_BASE_MS: '50' })).toEqual({ maxAttempts: 2, baseDelayMs: 50 });
    expect(retryPolicyFromEnv({})).toEqual({});
  });

  it('ignores and reports values that are not positive integers', () => {
    const warnings: string[] = [];
    expect(retryPolicyFromEnv({ ANNOUNCE_MAX_ATTEMPTS: '0', ANNOUNCE_RETRY_BASE_MS: '1.5' }, (m) => warnings.push(m))).toEqual({});
    expect(warnings).toEqual([
      'announcer: ignoring ANNOUNCE_MAX_ATTEMPTS=0: not a positive integer',
      'announcer: ignoring ANNOUNCE_RETRY_BASE_MS=1.5: not a positive integer',
    ]);
  });
});
