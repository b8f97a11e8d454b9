import type { Mention } from '../webmention/projection';
import styles from './mentions.module.css';

const HEADINGS = { like: 'Likes', repost: 'Reposts', reply: 'Replies', mention: 'Mentions' } as const;
const ORDER = ['like', 'repost', 'reply', 'mention'] as const;

/** What others' sites said about an entry (verified Webmentions): text and links only, never their HTML. */
export function Mentions({ mentions }: { mentions: readonly Mention[] }) {
  if (mentions.length === 0) return null;
  return (
    <section aria-labelledby="mentions-heading" className={styles.mentions} data-testid="mentions">
      <h2 id="mentions-heading">Elsewhere on the web</h2>
      {ORDER.map((kind) => {
        const group = mentions.filter((m) => m.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind}>
            <h3 className={styles.heading}>
              {HEADINGS[kind]} <span className={styles.count}>{group.length}</span>
            </h3>
            <ul className={kind === 'like' || kind === 'repost' ? styles.faces : styles.list}>
              {group.map((m) => (
                <li key={m.source} className="u-comment h-cite" data-mention-kind={m.kind}>
                  <Author mention={m} />
                  {m.content && <p className={`${styles.content} p-content`}>{m.content}</p>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function Author({ mention }: { mention: Mention }) {
  const name = mention.author?.name ?? new URL(mention.source).host;
  return (
    <a className={`${styles.author} u-url`} href={mention.url ?? mention.source} rel="nofollow ugc noopener noreferrer">
      <span className="p-author h-card">
        {mention.author?.photo && (
          // A photo from someone else's site: a plain img, no referrer sent.
          // eslint-disable-next-line @next/next/no-img-element
          <img className={`${styles.photo} u-photo`} src={mention.author.photo} alt="" width={32} height={32} loading="lazy" referrerPolicy="no-referrer" />
        )}
        <span className="p-name">{name}</span>
      </span>
    </a>
  );
}
