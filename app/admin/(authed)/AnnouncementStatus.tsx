import { CHANNELS, type Channel } from '@/lib/announce/events';
import { pendingAnnouncementNote } from '@/lib/announce/eligibility';
import type { Entry } from '@/lib/media/projection';
import { RetryButton } from './RetryButton';
import styles from './admin.module.css';

export const CHANNEL_NAMES: Record<Channel, string> = { x: 'X', mastodon: 'Mastodon', bluesky: 'Bluesky', webhook: 'Webhook' };

/**
 * An error as recorded, without the channel's name in front: events written before errors stopped
 * naming their channel say "Webhook: fetch failed", and the line already starts with the name.
 */
export const errorWithoutName = (error: string, name: string) => (error.startsWith(`${name}: `) ? error.slice(name.length + 2) : error);

/** Where an entry was announced (with links), what is still being tried, or why nothing was sent. */
export function AnnouncementStatus({ entry }: { entry: Entry }) {
  if (!entry.announce) return null;
  const channels = CHANNELS.filter((c) => entry.announcements[c]);
  if (channels.length === 0) {
    return (
      <p className={styles.announce} data-testid="announce-note">
        {entry.announceNote ?? pendingAnnouncementNote(entry)}
      </p>
    );
  }
  return (
    <ul className={styles.announce} aria-label={`Announcements of ${entry.title}`}>
      {channels.map((channel) => {
        const status = entry.announcements[channel]!;
        const name = CHANNEL_NAMES[channel];
        return (
          <li key={channel} data-channel={channel} data-state={status.state}>
            {status.state === 'posted' && (
              <>✓ {status.url ? <a href={status.url} target="_blank" rel="noopener noreferrer">Posted to {name}</a> : `Posted to ${name}`}</>
            )}
            {status.state === 'retrying' && <>… {name}: retrying (attempt {status.attempts}{status.error ? `: ${errorWithoutName(status.error, name)}` : ''})</>}
            {status.state === 'failed' && (
              <>
                ✗ {name}: gave up after {status.attempts} attempts: {status.error ? errorWithoutName(status.error, name) : 'no reason recorded'}{' '}
                <RetryButton entryId={entry.id} channel={channel} label={`Retry ${name} for ${entry.title}`} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
