import 'server-only';
// The inbox is open to anyone: each POST costs a signature check and, for a Follow, a fetch of
// the follower. So it is rate-limited per client (the edge's key) and for all clients together,
// before its body is read: token buckets (lib/limits).
import { singleton } from '../eventstore/registry';
import { jsonError } from '../http/json';
import { ClientBudget, retryAfterSeconds } from '../limits/client-budget';
import { TokenBuckets } from '../limits/token-bucket';

/** Per client: 5 a second, bursts of 20 (a server delivering a backlog). In all: 50 a second. */
export const INBOX_LIMITS = { perClient: 5, clientBurst: 20, total: 50, totalBurst: 100 } as const;

const budget = () =>
  singleton(
    'fediverse:inbox-limits',
    () =>
      new ClientBudget(
        new TokenBuckets({ perSecond: INBOX_LIMITS.perClient, burst: INBOX_LIMITS.clientBurst }),
        new TokenBuckets({ perSecond: INBOX_LIMITS.total, burst: INBOX_LIMITS.totalBurst, maxKeys: 1 }),
      ),
  );

/** undefined when the POST may go on; else the 429 to answer. */
export function inboxAdmission(client: string, now = Date.now()): Response | undefined {
  const admission = budget().take(client, now);
  if (admission.ok) return undefined;
  const response = jsonError(429, 'Too many deliveries to this inbox; retry later');
  response.headers.set('retry-after', retryAfterSeconds(admission.retryInMs));
  return response;
}
