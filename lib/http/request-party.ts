import type { IncomingHttpHeaders } from 'node:http';
import parseForwarded from 'forwarded-parse';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';
import { addressKey } from './address-key.mjs';
import { trustProxyFromEnv, type Trust } from './trust-proxy.mjs';

export { addressKey };

// Who is asking and at which address they reached us, decided once per request at the edge from
// the socket and the headers of trusted hops only (TRUST_PROXY). Every per-client limit counts by
// `key`; every absolute link and the cross-site check start from `origin`.

export interface RequestParty {
  /** The client's address: the socket's peer, or what trusted proxies say the client was. */
  address: string;
  /** What every per-client limit counts by: the address, an IPv6 one reduced to its /64. */
  key: string;
  /** The request's own origin (`https://books.example`): the trusted protocol and the validated Host; undefined without a usable Host. */
  origin: string | undefined;
}

/** What partyOf reads of a request: a node:http IncomingMessage is one. */
export interface PeerRequest {
  socket: { remoteAddress?: string; encrypted?: boolean };
  headers: IncomingHttpHeaders;
}

export function partyOf(req: PeerRequest, trust: Trust = trustProxyFromEnv()): RequestParty {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const peerTrusted = trust(peer, 0);
  const forwarded = peerTrusted ? forwardedChain(req.headers) : undefined;
  // proxy-addr walks the chain from the socket towards the client while hops are trusted.
  const address = forwarded ? proxyaddr({ socket: { remoteAddress: peer }, headers: { 'x-forwarded-for': forwarded.for } } as never, trust) : peer;
  const proto = (forwarded?.proto ?? (req.socket.encrypted ? 'https' : 'http')) as 'http' | 'https';
  const host = validHost(forwarded?.host ?? headerText(req.headers.host));
  return { address, key: rememberedKey(address), origin: host ? originOf(proto, host) : undefined };
}

/**
 * What the trusted proxies forwarded: X-Forwarded-For/-Proto/-Host, or RFC 7239 `Forwarded` when
 * there is no X-Forwarded-For. Proto and host are the last entry: the one the hop nearest to us wrote.
 */
function forwardedChain(headers: IncomingHttpHeaders): { for: string; proto?: string; host?: string } | undefined {
  const xff = headerText(headers['x-forwarded-for']);
  if (xff !== undefined) {
    return { for: xff, proto: protoOf(lastEntry(headers['x-forwarded-proto'])), host: lastEntry(headers['x-forwarded-host']) };
  }
  const header = headerText(headers.forwarded);
  if (header === undefined) return undefined;
  let elements: Record<string, string>[];
  try {
    elements = parseForwarded(header);
  } catch {
    return undefined; // malformed: as if the proxy had said nothing
  }
  const last = elements.at(-1) ?? {};
  return { for: elements.map((e) => forwardedNode(e.for ?? 'unknown')).join(','), proto: protoOf(last.proto), host: last.host };
}

/** A `for=` node without its brackets and port (`"[2001:db8::1]:4711"` -> `2001:db8::1`). */
function forwardedNode(node: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(node);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(node);
  return v4 ? v4[1]! : node;
}

const protoOf = (value: string | undefined) => {
  const proto = value?.trim().toLowerCase();
  return proto === 'http' || proto === 'https' ? proto : undefined;
};

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function lastEntry(value: string | string[] | undefined): string | undefined {
  const text = headerText(value);
  if (text === undefined) return undefined;
  const entry = text.slice(text.lastIndexOf(',') + 1).trim();
  return entry || undefined;
}

/** Keys of addresses seen lately: every request asks, and parsing an IPv6 address (a dual-stack socket's IPv4-mapped peer too) costs microseconds. */
const keys = new Map<string, string>();
const MAX_KEYS = 4096;

function rememberedKey(address: string): string {
  let key = keys.get(address);
  if (key === undefined) {
    key = addressKey(address);
    if (keys.size >= MAX_KEYS) keys.clear(); // many addresses: recomputed, never unbounded
    keys.set(address, key);
  }
  return key;
}

// A DNS name (labels of letters, digits and hyphens) or a bracketed IPv6 literal, then an optional port.
const HOST = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?))*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** Host headers seen lately, checked: every request asks, and clients send a handful of hosts. */
const hosts = new Map<string, string | undefined>();
const MAX_HOSTS = 1024;

/** The Host header when it is a host name or address with an optional port, lower-cased; else undefined. */
export function validHost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (hosts.has(value)) return hosts.get(value);
  const host = checkedHost(value);
  if (hosts.size >= MAX_HOSTS) hosts.clear(); // made-up hosts: checked again, never unbounded
  hosts.set(value, host);
  return host;
}

function checkedHost(value: string): string | undefined {
  const host = value.trim().toLowerCase();
  if (!host || host.length > 260) return undefined;
  const match = HOST.exec(host);
  if (!match) return undefined;
  if (match[1] !== undefined && (Number(match[1]) === 0 || Number(match[1]) > 65_535)) return undefined;
  if (host.startsWith('[') && !ipaddr.IPv6.isValid(host.slice(1, host.indexOf(']')))) return undefined;
  return host;
}

/** `proto://host` as a browser writes it in Origin: the default port left out. */
export function originOf(proto: 'http' | 'https', host: string): string {
  const defaultPort = proto === 'https' ? ':443' : ':80';
  return `${proto}://${host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host}`;
}
