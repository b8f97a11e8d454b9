// The settings form speaks strings (links as one "Name https://…" per line); the schema speaks
// JSON types. This converts between them and names each bad field for the form.
import { siteSettingsSchema, type SiteSettings } from './schema';

export interface SettingsFormValues {
  ownerName: string;
  bio: string;
  avatarUrl: string;
  /** One link per line: a name, then the address ("Mastodon https://social.example/@ada"). */
  links: string;
  siteTitle: string;
  limit: string;
  theme: string;
  layout: string;
  covers: boolean;
  ratings: boolean;
  reviews: boolean;
}

export const SETTINGS_FIELD_LABELS: Record<string, string> = {
  ownerName: 'Name',
  bio: 'Bio',
  avatarUrl: 'Avatar',
  links: 'Links',
  siteTitle: 'Site title',
  limit: 'How many',
  theme: 'Theme',
  layout: 'Layout',
};

export function formValuesOfSettings(s: SiteSettings): SettingsFormValues {
  return {
    ownerName: s.ownerName,
    bio: s.bio,
    avatarUrl: s.avatarUrl,
    links: s.links.map((l) => `${l.label} ${l.url}`).join('\n'),
    siteTitle: s.siteTitle,
    limit: String(s.widget.limit),
    theme: s.widget.theme,
    layout: s.widget.layout,
    covers: s.widget.covers,
    ratings: s.widget.ratings,
    reviews: s.widget.reviews,
  };
}

export function readSettingsForm(form: FormData): SettingsFormValues {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    ownerName: text('ownerName'),
    bio: text('bio'),
    avatarUrl: text('avatarUrl'),
    links: text('links'),
    siteTitle: text('siteTitle'),
    limit: text('limit'),
    theme: text('theme'),
    layout: text('layout'),
    covers: form.get('covers') === 'on',
    ratings: form.get('ratings') === 'on',
    reviews: form.get('reviews') === 'on',
  };
}

/** "Mastodon https://x" → { label, url }; a bare address is named by its host. */
function parseLinkLine(line: string): { label: string; url: string } {
  const parts = line.trim().split(/\s+/);
  const url = parts.pop() ?? '';
  let label = parts.join(' ');
  if (!label) {
    try {
      label = new URL(url).hostname;
    } catch {
      label = url;
    }
  }
  return { label, url };
}

export type SettingsParse = { ok: true; settings: SiteSettings } | { ok: false; fields: Record<string, string> };

export function parseSettingsForm(values: SettingsFormValues): SettingsParse {
  const lines = values.links.split(/\r\n?|\n/).filter((l) => l.trim() !== '');
  const raw = {
    ownerName: values.ownerName,
    bio: values.bio,
    avatarUrl: values.avatarUrl.trim(),
    links: lines.map(parseLinkLine),
    siteTitle: values.siteTitle,
    widget: {
      limit: /^\s*\d+\s*$/.test(values.limit) ? Number(values.limit) : values.limit,
      theme: values.theme,
      layout: values.layout,
      covers: values.covers,
      ratings: values.ratings,
      reviews: values.reviews,
    },
  };
  const parsed = siteSettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    if (first === 'links' && typeof second === 'number') fields.links ??= `Line ${second + 1}: ${issue.message}`;
    else if (first === 'widget' && second !== undefined) fields[String(second)] ??= issue.message;
    else fields[String(first ?? '_')] ??= issue.message;
  }
  return { ok: false, fields };
}
