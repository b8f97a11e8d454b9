// The one validation schema of an entry, shared by the admin form, the JSON API and the events.
import { z } from 'zod';
import { normalizeNewlines, trimmedText } from '../validation/text';
import { isIsoDate } from './dates';
import { KINDS } from './kinds';

export const LIMITS = { title: 300, creator: 200, url: 2000, review: 2000, tag: 40, tags: 10, progressNote: 40 } as const;

/** finished (the default: what Shelf always logged), in progress (started), abandoned. */
export const STATUSES = ['finished', 'in-progress', 'abandoned'] as const;
export type Status = (typeof STATUSES)[number];

/** A tag as stored: trimmed, lower case, inner spaces collapsed, so "Sci-Fi " and "sci-fi" are one tag. */
export const normaliseTag = (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, ' ');

const tagSchema = z
  .string({ error: 'Tags must be text' })
  .transform(normaliseTag)
  .pipe(
    z
      .string()
      .min(1, { error: 'Tags cannot be empty' })
      .max(LIMITS.tag, { error: `Each tag must be at most ${LIMITS.tag} characters` })
      .refine((t) => !t.includes(','), { error: 'Tags cannot contain commas' }),
  );

/** Up to 10 distinct normalised tags, in the order given. Idempotent, so replaying a stored list changes nothing. */
export const tagsSchema = z
  .array(tagSchema, { error: 'Tags must be a list of words' })
  .transform((tags) => [...new Set(tags)])
  .pipe(z.array(z.string()).max(LIMITS.tags, { error: `At most ${LIMITS.tags} tags` }));

export { normalizeNewlines };


/** Only http(s): a `javascript:` or `data:` URL in a link or an image is an attack, not a typo. */
const webUrl = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(LIMITS.url, { error: `${what} must be at most ${LIMITS.url} characters` })
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, { error: `${what} must be a full http:// or https:// address` });

/**
 * For new input only (the events keep `webUrl`, so logs written before stay bootable): an
 * absolute `http(s)://host/...` address. `new URL('http:evil.com')` resolves to http://evil.com/,
 * so the scheme's `//` and a host right after it are checked on the text itself.
 */
const absoluteWebUrl = (what: string) =>
  webUrl(what).refine((value) => /^https?:\/\/[^/\\?#\s]/i.test(value), { error: `${what} must be a full http:// or https:// address` });

export const fieldSchemas = {
  kind: z.enum(KINDS, { error: `Kind must be one of: ${KINDS.join(', ')}` }),
  title: trimmedText(LIMITS.title, 'Title').min(1, { error: 'Title is required' }),
  creator: trimmedText(LIMITS.creator, 'Creator'),
  url: webUrl('Link'),
  coverUrl: webUrl('Cover image'),
  rating: z
    .number({ error: 'Rating must be a number from 0.5 to 5' })
    .min(0.5, { error: 'Rating must be at least 0.5' })
    .max(5, { error: 'Rating must be at most 5' })
    .refine((n) => Number.isInteger(n * 2), { error: 'Rating must be in halves (0.5, 1, 1.5, ... 5)' }),
  review: trimmedText(LIMITS.review, 'Review'),
  finishedOn: z.string({ error: 'Finished date must be text' }).refine(isIsoDate, { error: 'Finished date must be a date written YYYY-MM-DD' }),
  visibility: z.enum(['public', 'private'], { error: 'Visibility must be public or private' }),
  announce: z.boolean({ error: 'Announce must be true or false' }),
  status: z.enum(STATUSES, { error: `Status must be one of: ${STATUSES.join(', ')}` }),
  startedOn: z.string({ error: 'Start date must be text' }).refine(isIsoDate, { error: 'Start date must be a date written YYYY-MM-DD' }),
  progress: z
    .number({ error: 'Progress must be a number from 0 to 100' })
    .int({ error: 'Progress must be a whole number' })
    .min(0, { error: 'Progress must be at least 0' })
    .max(100, { error: 'Progress must be at most 100' }),
  /** Where one is, in words ("S01E03", "chapter 12"): beside the percentage, for an entry not finished yet. */
  progressNote: trimmedText(LIMITS.progressNote, 'Progress note').min(1, { error: 'Progress note cannot be empty' }),
  tags: tagsSchema,
};

/** What a recorded entry holds. Optional text fields are absent rather than empty. */
export const entryFieldsSchema = z.object({
  kind: fieldSchemas.kind,
  title: fieldSchemas.title,
  creator: fieldSchemas.creator.optional(),
  url: fieldSchemas.url.optional(),
  coverUrl: fieldSchemas.coverUrl.optional(),
  rating: fieldSchemas.rating.optional(),
  review: fieldSchemas.review.optional(),
  finishedOn: fieldSchemas.finishedOn,
  visibility: fieldSchemas.visibility,
  announce: fieldSchemas.announce,
  // Added with statuses and tags: optional, so every older MediaFinished still validates.
  startedOn: fieldSchemas.startedOn.optional(),
  tags: fieldSchemas.tags.optional(),
});
/** The data of a MediaFinished event: an entry logged as finished. */
export type EntryFields = z.infer<typeof entryFieldsSchema>;

/** The data of a MediaStarted event: an entry logged before it is finished (in progress, or already abandoned). */
export const startedFieldsSchema = entryFieldsSchema.omit({ finishedOn: true }).extend({
  status: z.enum(['in-progress', 'abandoned'], { error: 'Status must be in-progress or abandoned' }),
  progress: fieldSchemas.progress.optional(),
  progressNote: fieldSchemas.progressNote.optional(),
});
export type StartedFields = z.infer<typeof startedFieldsSchema>;

/**
 * What an entry holds whatever its status: a finished date only once finished. The admin form, the
 * API's POST and PATCH all validate to this, and edits are diffed over these fields.
 */
export type EntryRecord = Omit<EntryFields, 'finishedOn'> & { status: Status; finishedOn?: string; progress?: number; progressNote?: string };
export type FieldName = keyof EntryRecord;
export const FIELD_NAMES: FieldName[] = [
  'kind', 'title', 'creator', 'url', 'coverUrl', 'rating', 'review', 'status', 'startedOn', 'progress', 'progressNote', 'finishedOn', 'visibility', 'announce', 'tags',
];

/** Empty text means "not given" for optional fields (a blank form input, or "" in JSON). */
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * A new entry as the form and the API send it: unknown fields rejected, defaults applied
 * (finishedOn defaults to today in the owner's zone, so it is a parameter). Only a finished entry
 * has a finished date; dates cannot be in the future and a start comes before the finish.
 */
export function entryInputSchema(today: string) {
  return z
    .object({
      kind: fieldSchemas.kind,
      title: fieldSchemas.title,
      creator: optional(fieldSchemas.creator),
      url: optional(absoluteWebUrl('Link')),
      coverUrl: optional(absoluteWebUrl('Cover image')),
      rating: optional(fieldSchemas.rating),
      review: optional(fieldSchemas.review),
      status: z.preprocess(blankToUndefined, fieldSchemas.status.default('finished')),
      startedOn: optional(fieldSchemas.startedOn.refine((day) => day <= today, { error: 'Start date cannot be in the future' })),
      progress: optional(fieldSchemas.progress),
      progressNote: optional(fieldSchemas.progressNote),
      finishedOn: optional(fieldSchemas.finishedOn.refine((day) => day <= today, { error: 'Finished date cannot be in the future' })),
      visibility: z.preprocess(blankToUndefined, fieldSchemas.visibility.default('public')),
      announce: fieldSchemas.announce.default(false),
      // No tags is absent, not an empty list, so an edit from none to [] records nothing.
      tags: z.preprocess((v) => (Array.isArray(v) && v.length === 0 ? undefined : blankToUndefined(v)), fieldSchemas.tags.optional()),
    })
    .strict()
    .transform((entry) => dropUndefined(entry.status === 'finished' ? { ...entry, finishedOn: entry.finishedOn ?? today } : entry) as EntryRecord)
    .superRefine((entry, ctx) => {
      for (const issue of recordIssues(entry)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
    });
}

/** The rules between fields of one entry (shared by new entries, edits and the rules of the log). */
export function recordIssues(entry: Partial<EntryRecord>): { field: FieldName; message: string }[] {
  const issues: { field: FieldName; message: string }[] = [];
  if (entry.status === 'finished' && entry.finishedOn === undefined) {
    issues.push({ field: 'finishedOn', message: 'A finished entry needs its finished date' });
  }
  if (entry.status !== 'finished' && entry.finishedOn !== undefined) {
    issues.push({ field: 'finishedOn', message: 'Only a finished entry has a finished date' });
  }
  if (entry.status === 'finished' && entry.progress !== undefined) {
    issues.push({ field: 'progress', message: 'Progress is only for entries not finished yet' });
  }
  if (entry.status === 'finished' && entry.progressNote !== undefined) {
    issues.push({ field: 'progressNote', message: 'A progress note is only for entries not finished yet' });
  }
  if (entry.startedOn !== undefined && entry.finishedOn !== undefined && entry.startedOn > entry.finishedOn) {
    issues.push({ field: 'startedOn', message: 'Start date must be on or before the finished date' });
  }
  return issues;
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  // A plain loop: every entry written passes here, and entries/filter/fromEntries made three arrays.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

/** What the forms call each field, for messages that name fields (never the internal name). */
export const FIELD_LABELS: Record<string, string> = {
  kind: 'Kind',
  title: 'Title',
  creator: 'Creator',
  url: 'Link',
  coverUrl: 'Cover image',
  rating: 'Rating',
  review: 'Review',
  finishedOn: 'Finished date',
  visibility: 'Visibility',
  announce: 'Announce',
  status: 'Status',
  startedOn: 'Start date',
  progress: 'Progress',
  progressNote: 'Progress note',
  tags: 'Tags',
};

/** "Please fix: Title, Finished date" for a set of field errors (unknown fields name themselves). */
export function fixSummary(fields: Record<string, string>): string {
  return `Please fix: ${Object.keys(fields).map((name) => (Object.hasOwn(FIELD_LABELS, name) ? FIELD_LABELS[name] : name)).join(', ')}`;
}

/** `{ field: message }` from a ZodError, the first message per field; unknown keys name themselves. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  // A Map, not an object literal: `__proto__` or `constructor` are field names like any other here.
  const out = new Map<string, string>();
  const note = (key: string, message: string) => out.has(key) || out.set(key, message);
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) note(key, `Unknown field "${key}"`);
      continue;
    }
    note(String(issue.path[0] ?? '_'), issue.message);
  }
  return Object.fromEntries(out); // own data properties, `__proto__` included
}
