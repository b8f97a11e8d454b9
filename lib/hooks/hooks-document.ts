import 'server-only';
// The `hooks` document (./documents.ts: `events/hooks.json`, or a row on PostgreSQL): how automatic entries are logged (public or private, announced or not) and
// the last deliveries of each server with what each became. A lowdb document, not events: the
// settings are two values replaced as a whole, and the deliveries are a bounded window the owner
// reads to see whether the server is set up right; nothing is decided from them, their past is of
// no use, and most of them (pauses, plays, stops before the end) change nothing in the log, where
// they would only be noise that every replay folds. What a delivery did to an entry is in the log
// already (its event id says `hook:<source>:...`, and the history says "by Plex").
import { backend } from '../eventstore/backend';
import type { LoggedBy } from '../media/logged-by';
import type { HookSettings } from './plan';
import { DELIVERIES_KEPT, HOOKS_DOCUMENT, hookSettingsSchema, type Delivery } from './documents';

export { BECAME, DEFAULT_HOOK_SETTINGS, DELIVERIES_KEPT, hookSettingsSchema, type Became, type Delivery } from './documents';

const hooksDocument = () => backend().document(HOOKS_DOCUMENT);

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
