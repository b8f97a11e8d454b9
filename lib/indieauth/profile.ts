import 'server-only';
// The `profile` scope's answer: who the owner is, from the site's settings.
import { readSettings } from '../settings/store';
import { profileUrl } from '../indieweb/endpoints';

export async function ownerProfile(origin: string): Promise<{ name?: string; url: string; photo?: string }> {
  const { ownerName, siteTitle, avatarUrl } = await readSettings();
  return { name: ownerName || siteTitle || undefined, url: profileUrl(origin), ...(avatarUrl ? { photo: avatarUrl } : {}) };
}
