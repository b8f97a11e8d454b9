import 'server-only';
// `events/hooks.json`: how automatic entries are logged (public or private, announced or not) and
// the last deliveries of each server with what each became. A lowdb document, not events: the
// settings are two values replaced as a whole, and the deliveries are a bounded window the owner
// reads to see whether the server is set up right; nothing is decided from them, their past is of
// no use, and most of them (pauses, plays, stops before the end) change nothing in the log, where
// they would only be noise that every replay folds. What a delivery did to an entry is in the log
// already (its event id says `hook:<source>:...`, and the history says "by Plex").
import { join } from 'node:path';
import { z } from 'zod';
import { eventsDir } from '../config/env';
import { openDocument } from '../documents/document';
import { LOGGED_BY, type LoggedBy } from '../media/logged-by';
import type { HookSettings } from './plan';

/** Deliveries kept per source: the newest first, the oldest dropped past it. */
export const DELIVERIES_KEPT = 10;

export const BECAME = ['logged', 'updated', 'duplicate', 'ignored', 'refused'] as const;
export type Became = (typeof BECAME)[number];

const deliverySchema = z.object({
  at: z.string(),
  event: z.string().max(80),
  became: z.enum(BECAME),
  detail: z.string().max(300),
  title: z.string().max(300).optional(),
  entryId: z.string().max(128).optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const hookSettingsSchema = z.object({
  visibility: z.enum(['public', 'private'], { error: 'Visibility must be public or private' }),
  announce: z.boolean({ error: 'Announce must be on or off' }),
});

const hooksDocumentSchema = z.object({
  settings: hookSettingsSchema,
  deliveries: z.object(Object.fromEntries(LOGGED_BY.map((s) => [s, z.array(deliverySchema).max(DELIVERIES_KEPT)])) as Record<LoggedBy, z.ZodArray<typeof deliverySchema>>),
});
type HooksDocument = z.infer<typeof hooksDocumentSchema>;

/** Public, not announced: what the issue asks of automatic entries until the owner says otherwise. */
export const DEFAULT_HOOK_SETTINGS: HookSettings = { visibility: 'public', announce: false };

const hooksDocument = () =>
  openDocument<HooksDocument>(join(eventsDir(), 'hooks.json'), hooksDocumentSchema, () => ({
    settings: DEFAULT_HOOK_SETTINGS,
    deliveries: Object.fromEntries(LOGGED_BY.map((s) => [s, []])) as unknown as HooksDocument['deliveries'],
  }));

export async function readHookSettings(): Promise<HookSettings> {
  return (await hooksDocument().read()).settings;
}

export async function saveHookSettings(settings: HookSettings): Promise<HookSettings> {
  const checked = hookSettingsSchema.parse(settings);
  return (await hooksDocument().update((doc) => ({ ...doc, settings: checked }))).settings;
}

export async function readDeliveries(): Promise<Record<LoggedBy, Delivery[]>> {
  return (await hooksDocument().read()).deliveries;
}

/** Keeps a delivery at the top of its source's list (texts cut to fit: they come from outside). */
export async function noteDelivery(source: LoggedBy, delivery: Delivery): Promise<void> {
  const fitted: Delivery = {
    ...delivery,
    event: delivery.event.slice(0, 80),
    detail: delivery.detail.slice(0, 300),
    title: delivery.title?.slice(0, 300),
  };
  await hooksDocument().update((doc) => ({ ...doc, deliveries: { ...doc.deliveries, [source]: [fitted, ...doc.deliveries[source]].slice(0, DELIVERIES_KEPT) } }));
}
