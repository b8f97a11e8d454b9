import { profileUrl } from '../indieweb/endpoints';
import type { SiteSettings } from '../settings/schema';
import { Markdown } from '../markdown/Markdown';
import { Avatar } from './Avatar';
import styles from './owner-intro.module.css';

/**
 * The About page's head: avatar, name (or the site's title when there is none), the bio as
 * sanitised Markdown, and the owner's links with rel="me", so Mastodon and others can verify
 * that this site and those profiles belong to the same person. An h-card (name, photo, the site's
 * URL and those links); `className` makes it a property of what contains it (the feed's p-author).
 */
export function OwnerIntro({ settings, origin, className }: { settings: SiteSettings; origin?: string; className?: string }) {
  const { ownerName, siteTitle, bio, avatarUrl, links } = settings;
  return (
    <header className={`${styles.intro} h-card${className ? ` ${className}` : ''}`} data-testid="owner-intro">
      {origin && <data className="u-url u-uid" value={profileUrl(origin)} />}
      {avatarUrl && <Avatar className={`${styles.avatar} u-photo`} src={avatarUrl} name={ownerName || siteTitle} size={72} />}
      <div className={styles.text}>
        <h1 className="p-name">{ownerName || siteTitle}</h1>
        {bio && <Markdown className={styles.bio} text={bio} />}
        {links.length > 0 && (
          <ul className={styles.links} aria-label="Elsewhere">
            {links.map((link) => (
              <li key={`${link.label} ${link.url}`}>
                <a href={link.url} rel="me noopener" className="u-url">
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
