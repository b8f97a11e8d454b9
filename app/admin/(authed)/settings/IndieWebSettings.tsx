import { headers } from 'next/headers';
import { grants } from '@/lib/indieauth/grants';
import { profileUrl } from '@/lib/indieweb/endpoints';
import { publicOriginOf } from '@/lib/http/public-origin';
import { readyMediaStore } from '@/lib/media/store';
import { allMentions } from '@/lib/webmention/projection';
import { readyWebmentionStore } from '@/lib/webmention/store';
import styles from '../admin.module.css';
import { revokeTokenAction, setMentionHiddenAction } from './indieweb-actions';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** /admin/settings, IndieWeb: the apps signed in with IndieAuth (revocable) and the mentions received (each can be hidden). */
export async function IndieWebSettings() {
  const origin = publicOriginOf(await headers());
  const tokens = await grants().list();
  const mentions = allMentions((await readyWebmentionStore()).snapshot()).slice(0, 100);
  const entries = (await readyMediaStore()).snapshot().entries;
  return (
    <section aria-labelledby="indieweb-heading" className={styles.card} data-testid="indieweb-settings">
      <h2 id="indieweb-heading">IndieWeb</h2>
      <p className="muted">
        Sign in to Micropub apps (Quill, indiebookclub) with <code>{profileUrl(origin)}</code>. See docs/indieweb.md.
      </p>
      <h3>Apps signed in</h3>
      {tokens.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className={styles.entries} data-testid="indieauth-tokens">
          {tokens.map((token) => (
            <li key={token.id}>
              <span className={styles.entryMain}>
                <strong>{token.clientName ?? token.clientId}</strong> <span className="muted">{token.clientId}</span>
                <br />
                <span className="muted">
                  may {token.scopes.join(', ') || 'sign in only'} · since {day(token.issuedAt)}
                </span>
              </span>
              <form action={revokeTokenAction.bind(null, token.id)} className={styles.inlineForm}>
                <button type="submit" className={styles.danger} aria-label={`Revoke ${token.clientName ?? token.clientId}`}>
                  Revoke
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h3>Mentions received</h3>
      {mentions.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className={styles.entries} data-testid="mentions-admin">
          {mentions.map((m) => (
            <li key={`${m.entryId} ${m.source}`} className={m.hidden ? styles.removed : undefined}>
              <span className={styles.entryMain}>
                {m.kind} by {m.author?.name ?? new URL(m.source).host} on “{entries.get(m.entryId)?.title ?? m.entryId}”
                <br />
                <a href={m.source} rel="nofollow ugc noopener noreferrer" className="muted">
                  {m.source}
                </a>
              </span>
              <form action={setMentionHiddenAction.bind(null, m.entryId, m.source, !m.hidden)} className={styles.inlineForm}>
                <button type="submit" aria-label={`${m.hidden ? 'Show' : 'Hide'} the ${m.kind} from ${m.source}`}>
                  {m.hidden ? 'Show' : 'Hide'}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
