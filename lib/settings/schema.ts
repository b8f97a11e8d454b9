// The site's settings: what the owner changes in /admin/settings. One zod schema checks the form,
// the stored document and the defaults from the environment.
import { z } from 'zod';
import { defineDocument } from '../documents/definition';
import { LAYOUTS, LIMIT_MAX, LIMIT_MIN, THEMES, type EmbedOptions } from '../embed/options';
import { trimmedText } from '../validation/text';

export const SETTINGS_LIMITS = { ownerName: 100, bio: 2000, siteTitle: 80, url: 2000, links: 10, linkLabel: 60 } as const;


/**
 * An absolute http(s)://host address: a `javascript:` link or a `data:` avatar is an attack, not a
 * typo, and `http:evil.com` (which URL parsing resolves to a host) is checked on the text itself.
 */
export const isWebUrl = (value: string) => {
  if (!/^https?:\/\/[^/\\?#\s]/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};
const webUrl = (what: string) =>
  trimmedText(SETTINGS_LIMITS.url, what).refine(isWebUrl, { error: `${what} must be a full http:// or https:// address` });

export const linkSchema = z.object({
  label: trimmedText(SETTINGS_LIMITS.linkLabel, 'A link name').min(1, { error: 'A link needs a name' }),
  url: webUrl('A link'),
});
export type ProfileLink = z.infer<typeof linkSchema>;

export const widgetDefaultsSchema = z.object({
  limit: z.number({ error: 'How many must be a number' }).int({ error: 'How many must be a whole number' }).min(LIMIT_MIN).max(LIMIT_MAX, { error: `How many must be from ${LIMIT_MIN} to ${LIMIT_MAX}` }),
  theme: z.enum(THEMES, { error: `Theme must be one of: ${THEMES.join(', ')}` }),
  layout: z.enum(LAYOUTS, { error: `Layout must be one of: ${LAYOUTS.join(', ')}` }),
  covers: z.boolean(),
  ratings: z.boolean(),
  reviews: z.boolean(),
});
export type WidgetDefaults = z.infer<typeof widgetDefaultsSchema>;

export const siteSettingsSchema = z.object({
  /** Empty: no name; pages then say the site's title, never "About My shelf". */
  ownerName: trimmedText(SETTINGS_LIMITS.ownerName, 'Name'),
  /** Markdown, rendered sanitised. */
  bio: trimmedText(SETTINGS_LIMITS.bio, 'Bio'),
  avatarUrl: z.union([z.literal(''), webUrl('Avatar')]),
  links: z.array(linkSchema).max(SETTINGS_LIMITS.links, { error: `At most ${SETTINGS_LIMITS.links} links` }),
  siteTitle: trimmedText(SETTINGS_LIMITS.siteTitle, 'Site title').min(1, { error: 'Site title is required' }),
  widget: widgetDefaultsSchema,
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** The stored document: the settings once saved, and a revision that moves on with every save. */
export const settingsDocumentSchema = z.object({
  revision: z.number().int().min(0),
  settings: siteSettingsSchema.optional(),
});
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;

/** The embed options a widget URL starts from: the owner's defaults, every kind, no Now section (`now=1` asks for it). */
export const widgetDefaultOptions = (widget: WidgetDefaults): EmbedOptions => ({ kinds: [], now: false, ...widget });

/** `events/settings.json`, or the row `settings` on PostgreSQL (lib/eventstore/backend.ts `document`). */
export const SETTINGS_DOCUMENT = defineDocument<SettingsDocument>({ name: 'settings', schema: settingsDocumentSchema, defaults: () => ({ revision: 0 }), secret: false });
