import Link from 'next/link';
import { readDeliveries, readHookSettings, type Delivery } from '@/lib/hooks/hooks-document';
import { hooksSecret } from '@/lib/hooks/secret';
import { formatEventTime } from '@/lib/history/format-time';
import { pageOrigin } from '@/lib/http/page-origin';
import { LOGGED_BY, LOGGED_BY_LABELS, type LoggedBy } from '@/lib/media/logged-by';
import { HookSettingsForm, HookUrl, RegenerateSecret } from './AutomaticLoggingForms';
import styles from '../admin.module.css';

/** Where each server takes the URL, and what to tick there (docs/automatic-logging.md has the steps). */
const WHERE: Record<LoggedBy, string> = {
  jellyfin: 'Dashboard › Plugins › Webhook › Add Generic Destination: tick Playback Stop, Movies and Episodes, and Send All Properties.',
  plex: 'Plex Web › Settings › Webhooks › Add Webhook (a Plex Pass feature): Plex sends every event; Shelf keeps the scrobbles and ratings.',
  emby: 'Settings › Webhooks › Add Webhook: request content type application/json, events Playback › Stop.',
};

const BECAME_WORDS: Record<Delivery['became'], string> = { logged: 'logged', updated: 'updated', duplicate: 'already there', ignored: 'ignored', refused: 'refused (400)' };

/** /admin/settings: the URLs to paste into Jellyfin, Plex and Emby, the secret, and what their deliveries became. */
export async function AutomaticLogging() {
  const [{ secret, fromEnv }, settings, deliveries, origin] = await Promise.all([hooksSecret(), readHookSettings(), readDeliveries(), pageOrigin()]);
  return (
    <section aria-labelledby="autolog-heading" className={styles.card} data-testid="automatic-logging">
      <h2 id="autolog-heading">Automatic logging</h2>
      <p className="muted">
        Paste a URL into your media server and what you watch to the end logs itself: a movie as finished, an episode as its show in
        progress. The steps for each server are in <code>docs/automatic-logging.md</code>. Anyone with a URL can log in your name: keep
        them as private as a password.
      </p>
      {LOGGED_BY.map((source) => (
        <div key={source}>
          <HookUrl id={`hook-url-${source}`} label={`${LOGGED_BY_LABELS[source]} URL`} url={`${origin}/api/hooks/${source}/${secret}`} />
          <p className={styles.hint} style={{ marginLeft: 0 }}>
            {WHERE[source]}
          </p>
        </div>
      ))}
      {fromEnv ? (
        <p className="muted">The secret in these URLs is HOOKS_SECRET: change it there (and restart) to make a new one.</p>
      ) : (
        <RegenerateSecret />
      )}

      <h3>How automatic entries are logged</h3>
      <HookSettingsForm initial={{ status: 'idle', fields: {}, values: settings }} />

      <h3>Last deliveries</h3>
      {LOGGED_BY.map((source) => (
        <div key={source} data-testid={`deliveries-${source}`}>
          <h4>{LOGGED_BY_LABELS[source]}</h4>
          {deliveries[source].length === 0 ? (
            <p className="muted">Nothing received yet.</p>
          ) : (
            <ul className={styles.entries}>
              {deliveries[source].map((d, i) => (
                <li key={`${d.at}-${i}`} data-became={d.became}>
                  <span className={styles.entryMain}>
                    <time dateTime={d.at} className="muted">
                      {formatEventTime(d.at)}
                    </time>{' '}
                    {d.event} {d.title && <strong>{d.title}</strong>}
                    <span className={styles.badges}>
                      <span className={`${styles.badge} ${d.became === 'refused' ? styles.badgeDanger : ''}`}>{BECAME_WORDS[d.became]}</span>
                    </span>
                    <br />
                    <span className="muted">{d.detail}</span>
                  </span>
                  {d.entryId && d.became !== 'refused' && <Link href={`/admin/entries/${encodeURIComponent(d.entryId)}`}>Entry</Link>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
