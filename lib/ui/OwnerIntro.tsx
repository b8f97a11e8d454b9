import type { SiteSettings } from '../settings/schema';
import { Markdown } from '../markdown/Markdown';
import { Avatar } from './Avatar';
import styles from './owner-intro.module.css';

/**
 * The About page's head: avatar, name (or the site's title when there is none), the bio as
 * sanitised Markdown, and the owner's links with rel="me", so Mastodon and others can verify
 * that this site and those profiles belong to the same person.
 */
export function OwnerIntro({ settings }: { settings: SiteSettings }) {
  const { ownerName, siteTitle, bio, avatarUrl, links } = settings;
  return (
    <header className={styles.intro} data-testid="owner-intro">
      {avatarUrl && <Avatar className={styles.avatar} src={avatarUrl} name={ownerName || siteTitle} size={72} />}
      <div className={styles.text}>
        <h1>{ownerName || siteTitle}</h1>
        {bio && <Markdown className={styles.bio} text={bio} />}
        {links.length > 0 && (
          <ul className={styles.links} aria-label="Elsewhere">
            {links.map((link) => (
              <li key={`${link.label} ${link.url}`}>
                <a href={link.url} rel="me noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </header>
  );
}
