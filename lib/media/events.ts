import { z } from 'zod';
import { announcementEventSchemas } from './announcement-events';
import { entryFieldsSchema, fieldSchemas, startedFieldsSchema } from './fields';
import { IMPORT_SOURCES } from './import-sources';
import { entryIdSchema } from './ids';
import { LOGGED_BY } from './logged-by';

const entryId = entryIdSchema;

/** One field's change: `null` stands for "not set" (an optional field added or cleared). */
const change = <T extends z.ZodType>(schema: T) => z.object({ from: schema.nullable(), to: schema.nullable() }).optional();

export const entryChangesSchema = z
  .object({
    kind: change(fieldSchemas.kind),
    title: change(fieldSchemas.title),
    creator: change(fieldSchemas.creator),
    url: change(fieldSchemas.url),
    coverUrl: change(fieldSchemas.coverUrl),
    rating: change(fieldSchemas.rating),
    review: change(fieldSchemas.review),
    finishedOn: change(fieldSchemas.finishedOn),
    visibility: change(fieldSchemas.visibility),
    announce: change(fieldSchemas.announce),
    // Statuses and tags. Finishing, abandoning, restarting and progress are edits of these fields,
    // so undo, history and time travel treat them like any other change.
    status: change(fieldSchemas.status),
    startedOn: change(fieldSchemas.startedOn),
    progress: change(fieldSchemas.progress),
    progressNote: change(fieldSchemas.progressNote),
    tags: change(fieldSchemas.tags),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { error: 'an edit must change at least one field' });
export type EntryChanges = z.infer<typeof entryChangesSchema>;

/**
 * Where a new entry came from, both optional so older logs read as they are: `importedFrom`, an
 * import (never announced); `loggedBy`, a media server's webhook (lib/hooks).
 */
const origin = { importedFrom: z.enum(IMPORT_SOURCES).optional(), loggedBy: z.enum(LOGGED_BY).optional() };

export const mediaEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('MediaFinished'), data: entryFieldsSchema.extend({ entryId, ...origin }) }),
  /** An entry logged before it is finished: in progress, or (imported or late) already abandoned. */
  z.object({ type: z.literal('MediaStarted'), data: startedFieldsSchema.extend({ entryId, ...origin }) }),
  z.object({ type: z.literal('MediaEdited'), data: z.object({ entryId, changes: entryChangesSchema }) }),
  z.object({ type: z.literal('MediaRemoved'), data: z.object({ entryId }) }),
  z.object({ type: z.literal('MediaRestored'), data: z.object({ entryId }) }),
  ...announcementEventSchemas,
]);
export type MediaEvent = z.infer<typeof mediaEventSchema>;
export type MediaEventType = MediaEvent['type'];
