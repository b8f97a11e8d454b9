import 'server-only';
// The shelf's fediverse account on Fedify: WebFinger, the actor (a Person with its RSA and Ed25519
// keys), its followers' count and its inbox (signatures verified by Fedify; Follow and Undo
// recorded as events). Deliveries are not Fedify's queue: the shelf's own checkpointed courier
// sends them (./courier.ts), so Fedify is made without a queue, and its loaders are Shelf's
// bounded outbound fetcher (./document-loader.ts).
import { createFederation, kvCache, type Federation } from '@fedify/fedify';
import { Endpoints, Follow, Image, Person, Undo } from '@fedify/vocab';
import { singleton } from '../eventstore/registry';
import { readSettings } from '../settings/store';
import { contextLoader, outboundDocumentLoader } from './document-loader';
import { recordFollow, recordUnfollow } from './follow';
import { currentHandle } from './handle';
import { actorKeyPairs } from './keys';
import { fediverseCache, fedifyKv } from './kv';
import { readyFediverseStore } from './store';
import { reviewHtml } from './review-html';
import { ACTOR_IDENTIFIER, AP_PATHS, outboxUrl } from './urls';

async function build(): Promise<Federation<void>> {
  // What Fedify caches (keys of other servers, inbox idempotence), in the backend's key-value store.
  const kv = fedifyKv(fediverseCache());
  const federation = createFederation<void>({
    kv,
    // OUTBOUND_ALLOW_PRIVATE is applied by these loaders (outboundFetch); Fedify refuses its own
    // allowPrivateAddress (and userAgent) beside custom loaders: they stay unset (outboundFetch names Shelf).
    documentLoaderFactory: () => kvCache({ loader: outboundDocumentLoader(), kv, prefix: ['_fedify', 'remoteDocument'] }),
    contextLoaderFactory: () => contextLoader,
    authenticatedDocumentLoaderFactory: (identity) => outboundDocumentLoader(identity),
  });

  federation
    .setActorDispatcher(AP_PATHS.actor, async (ctx, identifier) => {
      if (identifier !== ACTOR_IDENTIFIER) return null;
      const [settings, store, keys] = await Promise.all([readSettings(), readyFediverseStore(), ctx.getActorKeyPairs(identifier)]);
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: currentHandle(store.snapshot()),
        name: settings.ownerName || settings.siteTitle,
        summary: reviewHtml(settings.bio),
        url: new URL('/about', ctx.origin),
        icon: settings.avatarUrl ? new Image({ url: new URL(settings.avatarUrl) }) : null,
        inbox: ctx.getInboxUri(identifier),
        outbox: new URL(outboxUrl(ctx.origin)),
        followers: ctx.getFollowersUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        publicKey: keys[0]?.cryptographicKey,
        assertionMethods: keys.map((k) => k.multikey),
        manuallyApprovesFollowers: false,
        discoverable: true,
        indexable: false,
      });
    })
    .setKeyPairsDispatcher(async (_ctx, identifier) => (identifier === ACTOR_IDENTIFIER ? actorKeyPairs() : []))
    .mapHandle(async (_ctx, username) => (username.toLowerCase() === currentHandle((await readyFediverseStore()).snapshot()) ? ACTOR_IDENTIFIER : null));

  // Followers are counted, not listed: who reads a personal site is nobody else's business.
  federation
    .setFollowersDispatcher(AP_PATHS.followers, (_ctx, identifier) => (identifier === ACTOR_IDENTIFIER ? { items: [] } : null))
    .setCounter(async (_ctx, identifier) => (identifier === ACTOR_IDENTIFIER ? (await readyFediverseStore()).snapshot().followers.size : null));

  federation
    .setInboxListeners(AP_PATHS.inbox, AP_PATHS.sharedInbox)
    .on(Follow, async (ctx, follow) => {
      if (!follow.id || !follow.objectId) return;
      const target = ctx.parseUri(follow.objectId);
      if (target?.type !== 'actor' || target.identifier !== ACTOR_IDENTIFIER) return;
      const actor = await follow.getActor(ctx);
      if (!actor?.id || !actor.inboxId) return;
      const sharedInbox = actor.endpoints?.sharedInbox;
      await recordFollow(await readyFediverseStore(), {
        actorId: actor.id.href,
        inbox: actor.inboxId.href,
        ...(sharedInbox ? { sharedInbox: sharedInbox.href } : {}),
        handle: `@${actor.preferredUsername ?? '?'}@${actor.id.host}`.slice(0, 300),
        ...(actor.name ? { name: actor.name.toString().slice(0, 300) } : {}),
        followId: follow.id.href,
        origin: ctx.origin,
      });
    })
    .on(Undo, async (ctx, undo) => {
      const object = await undo.getObject(ctx);
      if (!(object instanceof Follow) || !undo.actorId || object.actorId?.href !== undo.actorId.href) return;
      await recordUnfollow(await readyFediverseStore(), undo.actorId.href);
    })
    .onError((_ctx, error) => console.error(`fediverse: inbox: ${error.message}`));

  return federation;
}

/** The process's federation (made once; Next may load this module several times). */
export function federation(): Promise<Federation<void>> {
  const memo = singleton('fediverse:federation', () => ({ federation: undefined as Promise<Federation<void>> | undefined }));
  return (memo.federation ??= build().catch((err) => {
    memo.federation = undefined;
    throw err;
  }));
}
