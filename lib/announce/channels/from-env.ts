// Which channels are on: each is enabled by its environment variables, all of them or none.
import type { Channel } from '../events';
import { BLUESKY_DEFAULT_SERVICE, blueskyClient } from './bluesky';
import { mastodonClient } from './mastodon';
import type { ChannelClient } from './types';
import { webhookClient } from './webhook';
import { X_DEFAULT_BASE_URL, xClient } from './x';

type Env = Record<string, string | undefined>;

/** The variables that turn each channel on (optional ones are not listed: X_API_URL, BLUESKY_SERVICE). */
export const CHANNEL_ENV: Record<Channel, readonly string[]> = {
  x: ['X_API_KEY', 'X_API_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_SECRET'],
  mastodon: ['MASTODON_URL', 'MASTODON_TOKEN'],
  bluesky: ['BLUESKY_HANDLE', 'BLUESKY_APP_PASSWORD'],
  webhook: ['ANNOUNCE_WEBHOOK_URL', 'ANNOUNCE_WEBHOOK_SECRET'],
};

export interface ChannelConfig {
  clients: ChannelClient[];
  /** A channel with some but not all of its variables set: said once at start, the channel stays off. */
  warnings: string[];
}

export function channelsFromEnv(env: Env = process.env, now?: () => number): ChannelConfig {
  const clients: ChannelClient[] = [];
  const warnings: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;
  const configured = (channel: Channel): boolean => {
    const names = CHANNEL_ENV[channel];
    const missing = names.filter((n) => !value(n));
    if (missing.length > 0 && missing.length < names.length) {
      warnings.push(`announcer: ${channel} is off: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`);
    }
    return missing.length === 0;
  };
  const validUrl = (name: string): string | undefined => {
    const url = value(name)!;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return url;
    } catch {
      // reported below
    }
    warnings.push(`announcer: ${name} is not an http(s) URL, so its channel is off`);
    return undefined;
  };

  if (configured('x')) {
    const baseUrl = value('X_API_URL') ? validUrl('X_API_URL') : X_DEFAULT_BASE_URL;
    if (baseUrl) {
      clients.push(xClient({
        apiKey: value('X_API_KEY')!,
        apiSecret: value('X_API_SECRET')!,
        accessToken: value('X_ACCESS_TOKEN')!,
        accessSecret: value('X_ACCESS_SECRET')!,
        baseUrl,
        now,
      }));
    }
  }
  if (configured('mastodon')) {
    const baseUrl = validUrl('MASTODON_URL');
    if (baseUrl) clients.push(mastodonClient({ baseUrl, token: value('MASTODON_TOKEN')!, now }));
  }
  if (configured('bluesky')) {
    const service = value('BLUESKY_SERVICE') ? validUrl('BLUESKY_SERVICE') : BLUESKY_DEFAULT_SERVICE;
    if (service) clients.push(blueskyClient({ service, identifier: value('BLUESKY_HANDLE')!, password: value('BLUESKY_APP_PASSWORD')!, now }));
  }
  if (configured('webhook')) {
    const url = validUrl('ANNOUNCE_WEBHOOK_URL');
    if (url) clients.push(webhookClient({ url, secret: value('ANNOUNCE_WEBHOOK_SECRET')!, now }));
  }
  return { clients, warnings };
}

/** The channels whose variables are all set (what the admin previews and reports on). */
export function configuredChannels(env: Env = process.env): Channel[] {
  return (Object.keys(CHANNEL_ENV) as Channel[]).filter((c) => CHANNEL_ENV[c].every((name) => env[name]?.trim()));
}
