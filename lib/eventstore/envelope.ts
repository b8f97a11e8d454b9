import type { ZodType } from 'zod';
import type { DomainEvent, Envelope } from './types';

export interface EnvelopeCodec<E extends DomainEvent> {
  schema: ZodType<E>;
  upcast?: (event: { type: string; data: unknown }) => { type: string; data: unknown };
}

type Parsed<E extends DomainEvent> = { ok: true; event: Envelope<E['type'], E['data']> } | { ok: false; reason: string };

/**
 * A hand-written reader of one event type's `data` as the store writes it, registered beside the
 * schema (registerFastDecoder): given the type and where the data's JSON text lies in `source`
 * (from `from` to `to`, exclusive), it returns the data when the text is one the schema accepts
 * unchanged (the value JSON.parse then the schema would give), or undefined, meaning "take the
 * general path" (JSON.parse and zod, which also names the reason). Replay then skips JSON.parse
 * and zod for the store's own lines; a decoder reads in place (a sticky regular expression).
 */
export type FastDecoder = (type: string, source: string, from: number, to: number) => unknown;
const fastDecoders = new WeakMap<object, FastDecoder>();

/** Registers a fast decoder for a schema (see FastDecoder); a property test should hold it to JSON.parse and the schema. */
export function registerFastDecoder(schema: ZodType, decode: FastDecoder): void {
  fastDecoders.set(schema, decode);
}

/**
 * The store's own line layout (encodeEnvelope) up to its data: keys in order, seq in plain
 * digits, id and type without escapes, a timestamp as toISOString writes it (every field in
 * range, see PLAIN_ISO). Such a line is read in place, without JSON.parse of the envelope.
 * Anything else takes the general path, which gives the same answer for any line.
 */
const CANONICAL =
  /\{"seq":([1-9]\d{0,14}),"id":"([^"\\\x00-\x1f]+)","type":"([^"\\\x00-\x1f]+)","at":"(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z)","data":/y;
/** Where the id starts in a canonical line: after `{"seq":`, the seq's digits and `,"id":"`. */
const ID_AFTER_SEQ = '{"seq":'.length + ',"id":"'.length;

/**
 * A copy of a short substring that does not point into the string it was cut from. The replay's
 * lines are read from multi-megabyte chunk strings (log-lines.ts); an id or a time kept in the
 * state (a trade's time, an entry's id) would otherwise keep its whole chunk alive. Concatenation
 * then a slice makes V8 flatten into a fresh string of a few bytes.
 */
const detached = (text: string): string => (' ' + text).slice(1);

/** Parses and validates one log line; returns the envelope or the reason it is not one. */
export function parseEnvelope<E extends DomainEvent>(text: string, codec: EnvelopeCodec<E>): Parsed<E> {
  const { idAt: _, ...parsed } = parseEnvelopeAt(text, 0, text.length, codec);
  return parsed;
}

/**
 * parseEnvelope of the line `source.slice(start, end)`, read in place. A line on the fast path
 * also gives `idAt`, where its id starts in `source` (the id is unescaped there, so
 * `source.slice(idAt, idAt + id.length)` is the id: replay hashes it without another copy).
 */
export function parseEnvelopeAt<E extends DomainEvent>(source: string, start: number, end: number, codec: EnvelopeCodec<E>): Parsed<E> & { idAt?: number } {
  CANONICAL.lastIndex = start;
  const m = source.charCodeAt(end - 1) === 0x7d /* } */ ? CANONICAL.exec(source) : null;
  if (!m) return parseGeneral(source.slice(start, end), codec);
  const dataFrom = CANONICAL.lastIndex;
  const type = m[3]!;
  const decoded = codec.upcast ? undefined : fastDecoders.get(codec.schema)?.(type, source, dataFrom, end - 1);
  if (decoded !== undefined) {
    return { ok: true, event: { seq: Number(m[1]), id: detached(m[2]!), type: type as E['type'], at: detached(m[4]!), data: decoded as E['data'] }, idAt: start + ID_AFTER_SEQ + m[1]!.length };
  }
  let data: unknown;
  try {
    data = JSON.parse(source.slice(dataFrom, end - 1));
  } catch {
    return parseGeneral(source.slice(start, end), codec); // for its error message
  }
  const body = codec.upcast ? codec.upcast({ type, data }) : { type, data };
  return checked(Number(m[1]), detached(m[2]!), detached(m[4]!), body, codec);
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
