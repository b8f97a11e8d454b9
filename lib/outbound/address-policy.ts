import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

// Which addresses Shelf may connect to when it fetches another server's URL on someone's say-so
// (an IndieAuth client_id, a Webmention source or endpoint, a fediverse actor, a title lookup):
// public unicast only, so a URL cannot make the server reach its own loopback, the LAN or a cloud
// metadata address. OUTBOUND_ALLOW_PRIVATE=1 lifts that for tests and a home LAN.

export const privateAllowed = () => process.env.OUTBOUND_ALLOW_PRIVATE === '1' || process.env.OUTBOUND_ALLOW_PRIVATE === 'true';

/** Whether an IP address is public unicast (an IPv4-mapped IPv6 address is judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** The hostname of a URL as an IP literal (`[::1]` -> `::1`), or undefined for a name. */
export function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(bare)) ? bare : undefined;
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, a private or local address (set OUTBOUND_ALLOW_PRIVATE=1 to allow)`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * dns.lookup for the connections of outbound fetches: the addresses a name resolves to are checked
 * at connect time, the moment they are used, so a name that resolves to a public address when
 * checked and a private one when connected (DNS rebinding) still cannot reach inside.
 */
export function guardedLookup(hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true } as { all: true }, (err, addresses) => {
    if (err) return callback(err, options.all ? [] : '', undefined);
    const allowed = privateAllowed() ? addresses : addresses.filter((a) => isPublicAddress(a.address));
    if (allowed.length === 0) return callback(new PrivateAddressError(hostname, addresses[0]?.address ?? '(none)'), options.all ? [] : '', undefined);
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}
