import 'server-only';
import { publicFeed } from '../../media/selectors';
import { mediaDefinition } from '../../stores/media';
import { FeedList } from '../../ui/FeedList';
import { historySource } from './source';

export const mediaHistory = historySource(mediaDefinition, (state) => {
  const entries = publicFeed(state);
  return (
    <>
      <h2 id="past-heading">Recently finished, as it was then</h2>
      {entries.length > 0 ? (
        <FeedList entries={entries} testId="past-feed" />
      ) : (
        <p className="muted" data-testid="past-feed-empty">
          Nothing was on the public shelf yet.
        </p>
      )}
    </>
  );
}, [
  { href: '/admin/export/entries.json', label: 'entries as JSON' },
  { href: '/admin/export/entries.csv', label: 'entries as CSV' },
]);
