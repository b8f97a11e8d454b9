import 'server-only';
// Receiving a Webmention (https://www.w3.org/TR/webmention/#receiving-webmentions): checked at once
// (both URLs, and the target one of this site's public entry pages), recorded as a request and
// answered 202; the source is fetched later, by the verifier. Bounded per client and for all, and
// by the number of requests waiting (decide.ts MAX_PENDING).
import { clientKey } from '../auth/client-key';
import { EventRejectedError, isStoreUnavailable } from '../eventstore';
import { singleton } from '../eventstore/registry';
import { json, jsonError } from '../http/json';
import { minuteBudget } from '../indieweb/budget';
import { entryIdOfUrl, siteOrigins } from '../indieweb/entry-url';
import { readForm } from '../indieweb/form-body';
import { visibleEntry } from '../media/public-entry';
import { readyMediaStore } from '../media/store';
import { retryAfterSeconds } from '../limits/client-budget';
import { isWebUrl } from '../settings/schema';
import { MAX_PENDING } from './decide';
import { readyWebmentionStore } from './store';

/** Webmentions accepted per minute: per client, and from everyone together. */
export const receiveBudget = () => singleton('webmention:receive-budget', () => minuteBudget({ perClient: 20, all: 200 }));

export async function receiveWebmention(request: Request): Promise<Response> {
  const budget = receiveBudget().take(clientKey(request.headers));
  if (!budget.ok) {
    const who = budget.who === 'client' ? 'from this address' : 'from everyone together';
    return withHeaders(jsonError(429, `Too many Webmentions ${who}: try again in ${retryAfterSeconds(budget.retryInMs)} s`), { 'retry-after': retryAfterSeconds(budget.retryInMs) });
  }
  const read = await readForm(request, 8 * 1024);
  if (!read.ok) return jsonError(read.status, read.description);
  const fields: Record<string, string> = {};
  const source = read.form.get('source') ?? '';
  const target = read.form.get('target') ?? '';
  if (!source) fields.source = 'source is required';
  else if (source.length > 2000 || !isWebUrl(source)) fields.source = 'source must be an http(s) URL';
  if (!target) fields.target = 'target is required';
  else if (target.length > 2000 || !isWebUrl(target)) fields.target = 'target must be an http(s) URL';
  if (Object.keys(fields).length > 0) return jsonError(400, `Please fix: ${Object.keys(fields).join(', ')}`, fields);
  if (new URL(source).href === new URL(target).href) return jsonError(400, 'source and target are the same URL', { source: 'must not be the target' });
  const entryId = entryIdOfUrl(target, siteOrigins(request.headers));
  const entry = entryId === undefined ? undefined : visibleEntry((await readyMediaStore()).snapshot(), entryId);
  if (!entry) return jsonError(400, 'target is not a public entry page of this site', { target: 'must be a public entry page of this site' });
  const store = await readyWebmentionStore();
  if (store.snapshot().pending.size >= MAX_PENDING) return withHeaders(jsonError(503, 'Too many Webmentions are waiting to be verified: try again later'), { 'retry-after': '60' });
  try {
    await store.dispatch({ type: 'WebmentionReceived', data: { source: new URL(source).href, target: new URL(target).href, entryId: entry.id } });
  } catch (err) {
    if (isStoreUnavailable(err)) return jsonError(503, err.message);
    if (!(err instanceof EventRejectedError)) throw err;
    // The queue filled meanwhile; else the same source and target wait already, which is what was asked.
    if (!/already waiting/.test(err.reason)) return withHeaders(jsonError(503, `Not accepted now: ${err.reason}`), { 'retry-after': '60' });
  }
  return json({ status: 'accepted', message: 'The source will be verified shortly' }, 202);
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
