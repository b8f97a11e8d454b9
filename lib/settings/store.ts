import 'server-only';
// The settings live in one document (events/settings.json on files, a row every instance shares
// on PostgreSQL), not in an event log: they are a handful of values replaced as a whole, nothing
// else is decided from them, and their past is of no use to anyone (no undo, no "as of", no
// announcer reading them). A document reads in one step from memory, needs no projection or
// replay, and is rewritten atomically on each save.
import { backend } from '../eventstore/backend';
import { singleton } from '../eventstore/registry';
import { settingsFromEnv } from './defaults';
import { noteSettingsRevision } from './revision';
import { SETTINGS_DOCUMENT, siteSettingsSchema, type SiteSettings } from './schema';

/**
 * The document, whose every change this process learns of (its own saves; on PostgreSQL another
 * instance's, by notification) moves the revision the edge's versions read, so pages kept before
 * a save on any instance are made again.
 */
const settingsDocument = () =>
  singleton('settings:document', () => {
    const doc = backend().document(SETTINGS_DOCUMENT);
    doc.subscribe((d) => noteSettingsRevision(d.revision));
    return doc;
  });

/** The settings in effect: the saved ones, or the environment's defaults before the first save. */
export async function readSettings(): Promise<SiteSettings> {
  const doc = await settingsDocument().read();
  noteSettingsRevision(doc.revision);
  return doc.settings ?? settingsFromEnv();
}

/** Saves checked settings; the next request sees them (the revision moves the edge's versions on). */
export async function saveSettings(settings: SiteSettings): Promise<SiteSettings> {
  const checked = siteSettingsSchema.parse(settings);
  await settingsDocument().update((d) => ({ revision: d.revision + 1, settings: checked }));
  return checked;
}
