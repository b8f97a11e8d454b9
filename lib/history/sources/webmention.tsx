import 'server-only';
import { webmentionDefinition } from '../../stores/webmention';
import { allMentions } from '../../webmention/projection';
import { historySource } from './source';

/** The Webmentions as they were: the mentions shown then (hidden ones marked) and how many URLs had been told. */
export const webmentionHistory = historySource(webmentionDefinition, (state) => {
  const mentions = allMentions(state);
  const sent = [...state.deliveries.values()].filter((d) => d.state === 'sent').length;
  return (
    <>
      <h2 id="past-heading">Mentions, as they were then</h2>
      {mentions.length > 0 ? (
        <ul data-testid="past-mentions">
          {mentions.map((m) => (
            <li key={`${m.entryId} ${m.source}`}>
              {m.kind} from <a href={m.source} rel="nofollow ugc noopener noreferrer">{m.source}</a>
              {m.author?.name && <> by {m.author.name}</>}
              {m.hidden && <> (hidden)</>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No mentions yet.</p>
      )}
      <p className="muted">{sent} cited URLs had been told of their entries.</p>
    </>
  );
});
