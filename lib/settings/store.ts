import 'server-only';
// The settings live in one lowdb document, events/settings.json, not in an event log: they are a
// handful of values replaced as a whole, nothing else is decided from them, and their past is of
// no use to anyone (no undo, no "as of", no announcer reading them). A document reads in one step,
// needs no projection or replay, and is rewritten atomically on each save.
import { join } from 'node:path';
import { openDocument } from '../documents/document';
import { eventsDir } from '../config/env';
import { settingsFromEnv } from './defaults';
import { noteSettingsRevision } from './revision';
import { settingsDocumentSchema, siteSettingsSchema, type SettingsDocument, type SiteSettings } from './schema';

export const SETTINGS_FILE = 'settings.json';

const settingsDocument = () => openDocument<SettingsDocument>(join(eventsDir(), SETTINGS_FILE), settingsDocumentSchema, () => ({ revision: 0 }));

/** The settings in effect: the saved ones, or the environment's defaults before the first save. */
export async function readSettings(): Promise<SiteSettings> {
  const doc = await settingsDocument().read();
  noteSettingsRevision(doc.revision);
  return doc.settings ?? settingsFromEnv();
}

/** Saves checked settings; the next request sees them (the revision moves the edge's versions on). */
export async function saveSettings(settings: SiteSettings): Promise<SiteSettings> {
  const checked = siteSettingsSchema.parse(settings);
  const doc = await settingsDocument().update((d) => ({ revision: d.revision + 1, settings: checked }));
  noteSettingsRevision(doc.revision);
  return checked;
}
