// Sending Webmentions: a handler on the kernel's checkpointed processor over the media log. When a
// public entry is logged, edited, removed or restored, each URL it cites (and each URL told
// before, so a receiver hears of a link that went, or of the entry going) is told with
// source=<entry page> and target=<URL>, once per entry version: every outcome is an event in the
// Webmention log, checked before each send, so neither a retry nor a restart sends a version twice.
// Private entries are never sent; imported entries neither (history is not news).
import { createHash } from 'node:crypto';
import type { EnvelopeOf } from '../eventstore';
import type { CheckpointStore } from '../eventstore/processor';
import { backoffDelay, type RetryPolicy, type Timing } from '../announce/retry-policy';
import { entryUrl } from '../indieweb/entry-url';
import type { MediaEvent } from '../media/events';
import type { Entry } from '../media/projection';
import type { MediaStore } from '../media/store';
import { outboundFetch, OutboundError } from '../outbound/fetch';
import { citedUrls } from './cited';
import { discoverEndpoint } from './discover';
import { JobProcessor, type Log } from './job-processor';
import { deliveryKey, type WebmentionState } from './projection';
import type { WebmentionStore } from './store';

export interface SenderOptions {
  media: MediaStore;
  webmentions: WebmentionStore;
  checkpoint: CheckpointStore;
  /** The site's public origin (SITE_URL's): entry pages are named by it. Undefined: nothing is sent, and each version says why. */
  origin: string | undefined;
  timing?: Partial<Timing>;
  retry?: Partial<RetryPolicy>;
  log?: Log;
}

/** What one entry version asks to send: its page, the URLs to tell, and the version. */
export interface Plan {
  entryId: string;
  version: number;
  targets: string[];
}

const ENTRY_EVENTS = new Set(['MediaFinished', 'MediaStarted', 'MediaEdited', 'MediaRemoved', 'MediaRestored']);

/**
 * The deliveries an entry event asks for (pure). Only the entry's latest change is handled (a later
 * one in the log covers what this one would); a public entry tells what it cites now plus what it
 * told before; an entry no longer public (removed, made private) tells only what it told before.
 */
export function planDeliveries(event: Pick<EnvelopeOf<MediaEvent>, 'type' | 'seq' | 'data'>, entry: Entry | undefined, state: WebmentionState, origin: string | undefined): Plan | undefined {
  if (!ENTRY_EVENTS.has(event.type) || !entry || entry.updatedSeq !== event.seq) return undefined;
  const before = state.sentTargets.get(entry.id) ?? [];
  const listed = entry.visibility === 'public' && !entry.removed && !entry.importedFrom;
  const now = listed ? citedUrls(entry) : [];
  const own = origin === undefined ? undefined : new URL(origin).origin;
  const targets = [...new Set([...now, ...before])].filter((target) => new URL(target).origin !== own);
  return targets.length === 0 ? undefined : { entryId: entry.id, version: entry.updatedSeq, targets };
}

/** Event ids derived from the delivery alone: recording an outcome twice appends nothing. */
const outcomeId = (kind: string, source: string, target: string, version: number, attempt?: number) =>
  `wm-${kind}-${createHash('sha256').update(`${source}\n${target}\n${version}`).digest('hex').slice(0, 40)}${attempt === undefined ? '' : `-${attempt}`}`;

export class WebmentionSender extends JobProcessor<MediaEvent> {
  constructor(private readonly options: SenderOptions) {
    super({ ...options, name: 'webmention sender', source: options.media });
  }

  protected async handle(event: EnvelopeOf<MediaEvent>, hold: () => () => void): Promise<void> {
    await this.webmentions.ready;
    const entry = this.options.media.snapshot().entries.get(event.data.entryId);
    const plan = planDeliveries(event, entry, this.webmentions.snapshot(), this.options.origin);
    if (!plan) return;
    if (!this.options.origin) {
      await this.webmentions.dispatch({
        id: `wm-skipped-${plan.entryId}-${plan.version}`.slice(0, 128),
        type: 'WebmentionsSkipped',
        data: { entryId: plan.entryId, version: plan.version, reason: 'SITE_URL is not set, so the entry page has no public address to send' },
      });
      return;
    }
    const source = entryUrl(this.options.origin, plan.entryId);
    for (const target of plan.targets) {
      this.addJob(deliveryKey(plan.entryId, target), hold, () => this.deliver(plan.entryId, source, target, plan.version));
    }
  }

  /** Sends until there is a recorded outcome for this version (true), or it must stop first (false). */
  private async deliver(entryId: string, source: string, target: string, version: number): Promise<boolean> {
    let resumed = false;
    for (;;) {
      if (this.stopped) return false;
      const done = this.webmentions.snapshot().deliveries.get(deliveryKey(entryId, target));
      if (done && (done.version > version || (done.version === version && done.state !== 'retrying'))) return true;
      const tried = done?.version === version ? done.attempts : 0;
      if (!resumed && tried > 0) {
        // Failed before a restart: wait out that failure's backoff first.
        resumed = true;
        if (!(await this.sleep(backoffDelay(tried, this.policy, this.timing.random)))) return false;
        continue;
      }
      resumed = true;
      const attempt = tried + 1;
      const outcome = await this.attempt(source, target);
      if (this.cutOff) return false;
      if (outcome.kind === 'sent') {
        return this.record({ id: outcomeId('sent', source, target, version), type: 'WebmentionSent', data: { entryId, source, target, version, endpoint: outcome.endpoint, status: outcome.status, attempt } });
      }
      if (outcome.kind === 'no-endpoint') {
        return this.record({ id: outcomeId('none', source, target, version), type: 'WebmentionNoEndpoint', data: { entryId, source, target, version } });
      }
      const final = !outcome.retryable || attempt >= this.policy.maxAttempts;
      this.log.warn(`webmention: telling ${target} about ${source} failed (attempt ${attempt}${final ? ', giving up' : ''}): ${outcome.error}`);
      const recorded = await this.record({
        id: outcomeId('failed', source, target, version, attempt),
        type: 'WebmentionFailed',
        data: { entryId, source, target, version, attempt, error: outcome.error.slice(0, 2000), final },
      });
      if (!recorded || final) return recorded;
      if (!(await this.sleep(backoffDelay(attempt, this.policy, this.timing.random)))) return false;
    }
  }

  private async attempt(source: string, target: string): Promise<{ kind: 'sent'; endpoint: string; status: number } | { kind: 'no-endpoint' } | { kind: 'failed'; error: string; retryable: boolean }> {
    const signal = this.processor.abort.signal;
    try {
      const found = await discoverEndpoint(target, signal);
      if (found.status >= 500 || found.status === 429) return { kind: 'failed', error: `${target} answered ${found.status}`, retryable: true };
      if (!found.endpoint) return { kind: 'no-endpoint' };
      const response = await outboundFetch(found.endpoint, { method: 'POST', body: new URLSearchParams({ source, target }), timeoutMs: 10_000, maxBytes: 64 * 1024, signal, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      if (response.status >= 200 && response.status < 300) return { kind: 'sent', endpoint: found.endpoint, status: response.status };
      const retryable = response.status >= 500 || response.status === 429;
      return { kind: 'failed', error: `the endpoint ${found.endpoint} answered ${response.status}: ${response.text().slice(0, 300)}`, retryable };
    } catch (err) {
      if (!(err instanceof OutboundError)) throw err;
      return { kind: 'failed', error: err.message, retryable: err.reason === 'timeout' || err.reason === 'network' || err.reason === 'busy' };
    }
  }
}
