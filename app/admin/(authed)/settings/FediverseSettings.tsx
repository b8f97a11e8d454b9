import { headers } from 'next/headers';
import { currentHandle } from '@/lib/fediverse/handle';
import { followersNewestFirst, hostOf } from '@/lib/fediverse/projection';
import { readyFediverseStore } from '@/lib/fediverse/store';
import { partyFromHeaders } from '@/lib/http/edge-stamp';
import { publicOrigin } from '@/lib/http/public-origin';
import { FollowerActions, HandleForm, UnblockButton } from './FediverseForms';
import styles from '../admin.module.css';

/** Settings: the shelf's fediverse account (docs/fediverse.md): its handle, its followers, blocked servers. */
export async function FediverseSettings() {
  const state = (await readyFediverseStore()).snapshot();
  const host = new URL(publicOrigin(partyFromHeaders(await headers()))).host;
  const handle = currentHandle(state);
  const followers = followersNewestFirst(state);
  return (
    <section aria-labelledby="fediverse-heading" className={styles.card}>
      <h2 id="fediverse-heading">Fediverse</h2>
      <p className="muted">
        People on Mastodon and other fediverse servers can follow <strong data-testid="fediverse-address">@{handle}@{host}</strong> and see each public
        entry you finish. Until you set one here, the handle is SHELF_HANDLE, else “shelf”.
      </p>
      <HandleForm handle={handle} />
      <h3 id="followers-heading">Followers ({followers.length})</h3>
      {followers.length === 0 ? (
        <p className="muted">No followers yet.</p>
      ) : (
        <ul aria-labelledby="followers-heading" data-testid="followers">
          {followers.map((f) => (
            <li key={f.actorId}>
              <a href={f.actorId} rel="nofollow noopener noreferrer">
                {f.handle}
              </a>
              {f.name ? ` (${f.name})` : ''} <FollowerActions actorId={f.actorId} handle={f.handle} host={hostOf(f.actorId)} />
            </li>
          ))}
        </ul>
      )}
      {state.blocked.size > 0 && (
        <>
          <h3 id="blocked-heading">Blocked servers</h3>
          <ul aria-labelledby="blocked-heading">
            {[...state.blocked].sort().map((h) => (
              <li key={h}>
                {h} <UnblockButton host={h} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
