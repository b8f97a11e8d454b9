/** The site owner's intro and public address, from the environment (nothing hard-coded to anyone). */
export function siteConfig() {
  return {
    ownerName: process.env.SHELF_OWNER_NAME?.trim() || 'My shelf',
    ownerBio: process.env.SHELF_OWNER_BIO?.trim() || 'Books, articles, movies, shows, games and podcasts I finished recently.',
    /** Absolute base for links in feeds and embed snippets (no trailing slash). */
    siteUrl: (process.env.SITE_URL?.trim() || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, ''),
  };
}
