// The Webmention log in words, for the admin's history.
import type { EnvelopeOf } from '../eventstore';
import type { WebmentionEvent } from './events';

const KIND_WORDS = { like: 'a like', repost: 'a repost', reply: 'a reply', mention: 'a mention' } as const;

export function describeWebmentionEvent(event: EnvelopeOf<WebmentionEvent>): { text: string; entryId: string } {
  const { entryId } = event.data;
  const text = (words: string) => ({ text: words, entryId });
  switch (event.type) {
    case 'WebmentionReceived':
      return text(`Webmention received from ${event.data.source} for ${event.data.target}: waiting to be verified`);
    case 'MentionVerified': {
      const who = event.data.author?.name ? ` by ${event.data.author.name}` : '';
      return text(`verified ${KIND_WORDS[event.data.kind]}${who} from ${event.data.source}`);
    }
    case 'MentionRemoved':
      return text(`removed the mention from ${event.data.source}: ${event.data.reason}`);
    case 'WebmentionRejected':
      return text(`did not accept the Webmention from ${event.data.source}: ${event.data.reason}`);
    case 'MentionHidden':
      return text(`hid the mention from ${event.data.source}`);
    case 'MentionShown':
      return text(`showed the mention from ${event.data.source} again`);
    case 'WebmentionSent':
      return text(`sent a Webmention to ${event.data.target} (its endpoint answered ${event.data.status}; attempt ${event.data.attempt})`);
    case 'WebmentionFailed':
      return text(`Webmention to ${event.data.target} failed (attempt ${event.data.attempt}${event.data.final ? ', giving up' : ', will retry'}): ${event.data.error}`);
    case 'WebmentionNoEndpoint':
      return text(`${event.data.target} advertises no Webmention endpoint: nothing sent`);
    case 'WebmentionsSkipped':
      return text(`no Webmentions sent: ${event.data.reason}`);
  }
}
