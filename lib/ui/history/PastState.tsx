import 'server-only';
import type { ReactNode } from 'react';
import { followersNewestFirst, type FediverseState } from '../../fediverse/projection';
import { publicFeed } from '../../media/selectors';
import type { MediaState } from '../../media/projection';
import type { OrderbookState } from '../../orderbook/state';
import { allMentions, type WebmentionState } from '../../webmention/projection';
import { FeedList } from '../FeedList';
import { BookView } from '../orderbook/BookView';

/**
 * How each store of lib/stores looks as it was after some event ("view as of here", the admin's
 * history). A store without a view here offers no time travel. A new store adds its view here.
 */
const PAST_VIEWS: Record<string, (state: never) => ReactNode> = {
  media: (state: MediaState) => {
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
  },
  fediverse: (state: FediverseState) => (
    <div data-testid="past-followers">
      <h2 id="past-heading">Followers, as they were then</h2>
      {state.followers.size === 0 ? (
        <p className="muted">No followers.</p>
      ) : (
        <ul>
          {followersNewestFirst(state).map((f) => (
            <li key={f.actorId}>{f.handle}</li>
          ))}
        </ul>
      )}
    </div>
  ),
  webmentions: (state: WebmentionState) => {
    const mentions = allMentions(state);
    const told = [...state.deliveries.values()].filter((d) => d.state === 'sent').length;
    return (
      <div data-testid="past-mentions">
        <h2 id="past-heading">Mentions, as they were then</h2>
        {mentions.length === 0 ? (
          <p className="muted">No mentions yet.</p>
        ) : (
          <ul>
            {mentions.map((m) => (
              <li key={`${m.entryId} ${m.source}`}>
                {m.kind} from{' '}
                <a href={m.source} rel="nofollow ugc noopener noreferrer">
                  {m.source}
                </a>
                {m.author?.name && <> by {m.author.name}</>}
                {m.hidden && <> (hidden)</>}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">{told} cited URLs had been told of their entries.</p>
      </div>
    );
  },
  orderbook: (state: OrderbookState) => (
    <div data-testid="past-book">
      <h2 id="past-heading">The orderbook, as it was then</h2>
      <BookView state={state} />
    </div>
  ),
};

/** Whether a store's past can be shown. */
export const hasPastView = (store: string): boolean => Object.hasOwn(PAST_VIEWS, store);

/** A store's state as it was, rendered for the as-of page. */
export function PastState({ store, state }: { store: string; state: unknown }) {
  const view = PAST_VIEWS[store] as ((state: unknown) => ReactNode) | undefined;
  return view ? view(state) : null;
}
