/** The site owner's intro, from the environment (nothing hard-coded to anyone). The public address is lib/http/public-origin.ts's. */
export function siteConfig() {
  return {
    ownerName: process.env.SHELF_OWNER_NAME?.trim() || 'My shelf',
    ownerBio: process.env.SHELF_OWNER_BIO?.trim() || 'Books, articles, movies, shows, games and podcasts I finished recently.',
  };
}
