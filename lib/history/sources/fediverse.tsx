import 'server-only';
import { fediverseDefinition } from '../../fediverse/store-definition';
import { followersNewestFirst } from '../../fediverse/projection';
import { historySource } from './source';

export const fediverseHistory = historySource(fediverseDefinition, (state) => (
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
));
