import 'server-only';
// The Micropub endpoint's work, behind app/micropub/route.ts: who is asking (IndieAuth token or
// ADMIN_TOKEN, with the scope each action needs), what they ask, and the same commands as the
// admin form and POST /api/media. Nothing is recorded on any error: every check comes before the
// one command that writes.
import { configuredChannels } from '../announce/channels/from-env';
import { CHANNELS } from '../announce/events';
import { readCappedBytes } from '../http/capped-body';
import { authorizeBearer, missingScope, type BearerRefusal } from '../indieauth/bearer';
import { entryIdOfUrl, entryUrl, siteOrigins } from '../indieweb/entry-url';
import { oauthError, oauthJson } from '../indieweb/oauth-json';
import { publicOriginOf } from '../http/public-origin';
import { logEntry, patchEntry, removeEntry, restoreEntry, type CommandResult } from '../media/commands';
import type { Entry } from '../media/projection';
import { readyMediaStore } from '../media/store';
import { entryFromProperties, patchFromUpdate, PROPERTY_OF_FIELD, propertiesOfEntry } from './properties';
import { readFormRequest, readJsonRequest, type MicropubRequest, type Parsed } from './request';

export const MICROPUB_MAX_BYTES = 64 * 1024;

const CHANNEL_NAMES: Record<(typeof CHANNELS)[number], string> = { x: 'X', mastodon: 'Mastodon', bluesky: 'Bluesky', webhook: 'Webhook' };

const refusal = ({ status, error, description, headers }: BearerRefusal) =>
  oauthError(status, error, description, headers, error === 'insufficient_scope' ? { scope: description.match(/"(\w+)"/)?.[1] } : {});
const invalid = (description: string) => oauthError(400, 'invalid_request', description);

/** POST /micropub: create, update, delete, undelete. */
export async function micropubPost(request: Request): Promise<Response> {
  const body = await readBody(request);
  if ('response' in body) return body.response;
  const auth = await authorizeBearer(request.headers, body.accessToken);
  if (!auth.ok) return refusal(auth.refusal);
  if (!body.parsed.ok) return invalid(body.parsed.description);
  const origin = publicOriginOf(request.headers);
  const micropub = body.parsed.request;
  const scope = micropub.action === 'create' ? 'create' : micropub.action === 'update' ? 'update' : 'delete';
  const missing = missingScope(auth.grant, scope);
  if (missing) return refusal(missing);
  if (micropub.action === 'create') return create(micropub, origin);
  const entry = await entryAt(micropub.url, siteOrigins(request.headers));
  if (!entry) return invalid(`${micropub.url.slice(0, 200)} is not an entry of this site`);
  return act(micropub, entry);
}

/** GET /micropub?q=config|source|syndicate-to. */
export async function micropubGet(request: Request): Promise<Response> {
  const auth = await authorizeBearer(request.headers, undefined);
  if (!auth.ok) return refusal(auth.refusal);
  const query = new URL(request.url).searchParams;
  const q = query.get('q');
  const syndicateTo = configuredChannels().map((uid) => ({ uid, name: CHANNEL_NAMES[uid] }));
  if (q === 'config') {
    return oauthJson({
      q: ['config', 'source', 'syndicate-to'],
      'syndicate-to': syndicateTo,
      'post-types': [
        { type: 'read', name: 'Read' },
        { type: 'watch', name: 'Watch' },
        { type: 'listen', name: 'Listen' },
        { type: 'play', name: 'Play' },
      ],
    });
  }
  if (q === 'syndicate-to') return oauthJson({ 'syndicate-to': syndicateTo });
  if (q === 'source') return source(query, siteOrigins(request.headers));
  return invalid(q ? `Unknown query q=${q.slice(0, 40)}: config, source and syndicate-to are supported` : 'q is required (config, source or syndicate-to)');
}

type Body = { parsed: Parsed; accessToken?: string } | { response: Response };

async function readBody(request: Request): Promise<Body> {
  const type = request.headers.get('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    return { response: oauthError(415, 'invalid_request', 'File uploads are not supported (Shelf has no media endpoint): send photo as a URL') };
  }
  const bytes = await readCappedBytes(request, MICROPUB_MAX_BYTES);
  if (!bytes) return { response: oauthError(413, 'invalid_request', `Body too large: at most ${MICROPUB_MAX_BYTES} bytes`) };
  const text = bytes.toString('utf8');
  if (/^application\/json\s*(;|$)/i.test(type)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { response: invalid('The body is not JSON') };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { response: invalid('The body must be a JSON object') };
    return { parsed: readJsonRequest(json as Record<string, unknown>) };
  }
  if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) return readFormRequest(new URLSearchParams(text));
  return { response: oauthError(415, 'invalid_request', 'Send application/x-www-form-urlencoded or application/json') };
}

async function create(micropub: Extract<MicropubRequest, { action: 'create' }>, origin: string): Promise<Response> {
  if (micropub.type !== 'h-entry') return invalid(`Shelf keeps h-entry posts only, not ${micropub.type.slice(0, 40)}`);
  const mapped = entryFromProperties(micropub.properties, configuredChannels());
  if (!mapped.ok) return invalid(mapped.description);
  const result = await logEntry(mapped.value);
  if (!result.ok) return commandError(result);
  return new Response(null, { status: 201, headers: { location: entryUrl(origin, result.value.id), 'cache-control': 'no-store' } });
}

async function act(micropub: Exclude<MicropubRequest, { action: 'create' }>, entry: Entry): Promise<Response> {
  let result: CommandResult<Entry>;
  if (micropub.action === 'update') {
    if (entry.removed) return invalid('That entry is deleted: undelete it first');
    const patch = patchFromUpdate(entry, micropub, configuredChannels());
    if (!patch.ok) return invalid(patch.description);
    result = await patchEntry(entry.id, patch.value);
  } else if (micropub.action === 'delete') {
    // Deleting what is deleted asks for what is already so.
    if (entry.removed) return noContent();
    result = await removeEntry(entry.id);
  } else {
    if (!entry.removed) return noContent();
    result = await restoreEntry(entry.id);
  }
  return result.ok ? noContent() : commandError(result);
}

async function source(query: URLSearchParams, origins: readonly string[]): Promise<Response> {
  const url = query.get('url');
  if (!url) return invalid('url is required for q=source');
  const entry = await entryAt(url, origins);
  if (!entry) return invalid(`${url.slice(0, 200)} is not an entry of this site`);
  const properties = propertiesOfEntry(entry);
  const wanted = [...query.getAll('properties[]'), ...query.getAll('properties')];
  if (wanted.length === 0) return oauthJson({ type: ['h-entry'], properties });
  return oauthJson({ properties: Object.fromEntries(wanted.filter((name) => name in properties).map((name) => [name, properties[name]])) });
}

async function entryAt(url: string, origins: readonly string[]): Promise<Entry | undefined> {
  const id = entryIdOfUrl(url, origins);
  return id === undefined ? undefined : (await readyMediaStore()).snapshot().entries.get(id);
}

/** A command's refusal in Micropub's words: each field named by the property it came from. */
function commandError(result: Extract<CommandResult<unknown>, { ok: false }>): Response {
  if (result.status === 503) return oauthError(503, 'temporarily_unavailable', result.error);
  const fields = Object.entries(result.fields);
  if (fields.length === 0) return invalid(result.error);
  return invalid(fields.map(([field, message]) => `${PROPERTY_OF_FIELD[field] ?? field}: ${message}`).join('; '));
}

const noContent = () => new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
