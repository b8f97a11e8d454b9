// A fresh install's settings, from the environment: they hold until the owner first saves the
// settings page, and then the saved document wins (the environment is not read again for them).
import { DEFAULT_EMBED_OPTIONS } from '../embed/options';
import { isWebUrl, type SiteSettings } from './schema';

export function settingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): SiteSettings {
  const { limit, theme, layout, covers, ratings, reviews } = DEFAULT_EMBED_OPTIONS;
  const avatar = env.SHELF_AVATAR_URL?.trim() ?? '';
  return {
    ownerName: env.SHELF_OWNER_NAME?.trim() ?? '',
    bio: env.SHELF_OWNER_BIO?.trim() || 'Books, articles, movies, shows, games and podcasts I finished recently.',
    avatarUrl: isWebUrl(avatar) ? avatar : '',
    links: [],
    siteTitle: env.SHELF_SITE_TITLE?.trim() || 'Shelf',
    widget: { limit, theme, layout, covers, ratings, reviews },
  };
}
