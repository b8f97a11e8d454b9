'use client';

import { previewAnnouncement } from '@/lib/announce/template';
import type { Channel } from '@/lib/announce/events';
import { isKind } from '@/lib/media/kinds';
import type { EntryFormValues } from '@/lib/media/form-values';
import styles from './admin.module.css';

const NAMES: Record<Channel, string> = { x: 'X', mastodon: 'Mastodon', bluesky: 'Bluesky', webhook: 'Webhook' };

/** The exact text each configured channel will post, recomputed as the owner types. */
export function AnnouncePreview({ values, channels }: { values: EntryFormValues; channels: readonly Channel[] }) {
  if (!values.announce) return null;
  // The same rule as the announcer (lib/announce/eligibility.ts): private and unfinished entries wait.
  if (values.visibility === 'private') {
    return (
      <p className={styles.preview} data-testid="announce-preview">
        Private entries are never announced. If you make this one public later (once finished), it is posted then.
      </p>
    );
  }
  if (values.status && values.status !== 'finished') {
    return (
      <p className={styles.preview} data-testid="announce-preview">
        Nothing is posted while it is {values.status === 'abandoned' ? 'abandoned' : 'in progress'}: it is announced when you finish it.
      </p>
    );
  }
  if (channels.length === 0) {
    return <p className={styles.preview}>No channel is configured, so nothing will be posted (see docs/operations.md for the variables).</p>;
  }
  if (!values.title.trim() || !isKind(values.kind)) return <p className={styles.preview}>Type a title to preview the announcement.</p>;
  const rating = Number(values.rating);
  const preview = previewAnnouncement({
    kind: values.kind,
    title: values.title.trim(),
    creator: values.creator.trim() || undefined,
    url: values.url.trim() || undefined,
    rating: values.rating && Number.isFinite(rating) ? rating : undefined,
    review: values.review.trim() || undefined,
  });
  return (
    <section className={styles.preview} aria-label="Announcement preview" data-testid="announce-preview">
      <h3>Will be posted as</h3>
      <dl>
        {channels.map((channel) => (
          <div key={channel} style={{ display: 'contents' }}>
            <dt>{NAMES[channel]}</dt>
            <dd>
              {preview[channel].text}{' '}
              <span className={preview[channel].length > preview[channel].limit ? styles.over : 'muted'}>
                ({preview[channel].length}/{preview[channel].limit})
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
