import { retryAfterSeconds, type Admission } from '../limits/client-budget';
import { oauthError } from '../indieweb/oauth-json';

/** The 429 for a request over its budget (the client's, or everyone's). */
export function overBudget(decision: Extract<Admission, { ok: false }>, what: string): Response {
  const who = decision.who === 'client' ? 'from this address' : 'from everyone together';
  return oauthError(429, 'temporarily_unavailable', `Too many ${what} ${who}: try again in ${retryAfterSeconds(decision.retryInMs)} s`, { 'retry-after': retryAfterSeconds(decision.retryInMs) });
}
