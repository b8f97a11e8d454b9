import type { ZodType } from 'zod';
import type { DomainEvent, Envelope } from './types';

export interface EnvelopeCodec<E extends DomainEvent> {
  schema: ZodType<E>;
  upcast?: (event: { type: string; data: unknown }) => { type: string; data: unknown };
}

type Parsed<E extends DomainEvent> = { ok: true; event: Envelope<E['type'], E['data']> } | { ok: false; reason: string };

/**
 * A hand-written check of a schema's `{ type, data }`, registered beside it (registerFastCheck):
 * true only for values the schema accepts and returns unchanged (deep-equal), so that replay may
 * skip the zod parse for them; false means "ask zod", which also names the reason.
 */
export type FastCheck = (event: { type: unknown; data: unknown }) => boolean;
const fastChecks = new WeakMap<object, FastCheck>();

/** Registers a fast check for a schema (see FastCheck); a property test should hold it to the schema. */
export function registerFastCheck(schema: ZodType, check: FastCheck): void {
  fastChecks.set(schema, check);
}

/**
 * The store's own line layout (encodeEnvelope): keys in order, seq in plain digits, id and type
 * without escapes, a timestamp as toISOString writes it (every field in range, see PLAIN_ISO),
 * then the data. Such a line is read without JSON.parse of the envelope: only `data` is parsed.
 * Anything else takes the general path, which gives the same answer for any line.
 */
const CANONICAL =
  /^\{"seq":([1-9]\d{0,14}),"id":"([^"\\\x00-\x1f]+)","type":"([^"\\\x00-\x1f]+)","at":"(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z)","data":/;

/**
 * A copy of a short substring that does not point into the string it was cut from. The replay's
 * lines are slices of multi-megabyte chunk strings (log-lines.ts); an id or a time kept in the
 * state (a trade's time, an entry's id) would otherwise keep its whole chunk alive. Concatenation
 * then a slice makes V8 flatten into a fresh string of a few bytes.
 */
const detached = (text: string): string => (' ' + text).slice(1);

/** Parses and validates one log line; returns the envelope or the reason it is not one. */
export function parseEnvelope<E extends DomainEvent>(text: string, codec: EnvelopeCodec<E>): Parsed<E> {
  const m = text.charCodeAt(text.length - 1) === 0x7d /* } */ ? CANONICAL.exec(text) : null;
  if (m) {
    let data: unknown;
    try {
      data = JSON.parse(text.slice(m[0].length, -1));
    } catch {
      return parseGeneral(text, codec); // for its error message
    }
    const body = codec.upcast ? codec.upcast({ type: m[3]!, data }) : { type: m[3]!, data };
    const id = detached(m[2]!);
    const at = detached(m[4]!);
    if (fastChecks.get(codec.schema)?.(body)) {
      return { ok: true, event: { seq: Number(m[1]), id, type: body.type as E['type'], at, data: body.data as E['data'] } };
    }
    return checked(Number(m[1]), id, at, body, codec);
  }
  return parseGeneral(text, codec);
}

/** The general path: any JSON line (exported for the test that holds the fast path to it). */
export function parseGeneral<E extends DomainEvent>(text: string, codec: EnvelopeCodec<E>): Parsed<E> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON (${(err as Error).message})` };
  }
  return validateEnvelope(raw, codec);
}

/** Checks an envelope already parsed (a database row): the same rules as a log line. */
export function validateEnvelope<E extends DomainEvent>(raw: unknown, codec: EnvelopeCodec<E>): Parsed<E> {
  const { upcast } = codec;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not a JSON object' };
  const r = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(r.seq) || (r.seq as number) < 1) return { ok: false, reason: 'seq is not a positive integer' };
  if (typeof r.id !== 'string' || r.id === '') return { ok: false, reason: 'id is missing' };
  if (typeof r.type !== 'string' || r.type === '') return { ok: false, reason: 'type is missing' };
  if (typeof r.at !== 'string' || !isTimestamp(r.at)) return { ok: false, reason: 'at is not a timestamp' };
  const body = upcast ? upcast({ type: r.type, data: r.data }) : { type: r.type, data: r.data };
  return checked(r.seq as number, r.id, r.at, body, codec);
}

/** The envelope once its data passes the schema (zod: the full check, with the reason when it fails). */
function checked<E extends DomainEvent>(seq: number, id: string, at: string, body: { type: string; data: unknown }, { schema }: EnvelopeCodec<E>): Parsed<E> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${body.type} fails its schema: ${issue.path.join('.') || '(data)'}: ${issue.message}` };
  }
  return { ok: true, event: { seq, id, type: parsed.data.type, at, data: parsed.data.data } };
}

/**
 * `toISOString()` output whose every field is in range in every month and year: Date.parse accepts
 * all of these, so they skip it (it is a third of a microsecond per line, on every line at boot).
 */
const PLAIN_ISO = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Whether Date.parse reads `text` as a time: the same answer, faster for the store's own stamps. */
export function isTimestamp(text: string): boolean {
  return PLAIN_ISO.test(text) || !Number.isNaN(Date.parse(text));
}

/** One log line for an envelope, keys in the documented order. */
export function encodeEnvelope(event: Envelope): string {
  return JSON.stringify({ seq: event.seq, id: event.id, type: event.type, at: event.at, data: event.data }) + '\n';
}
