// Plain JavaScript (types in address-key.d.mts): the edge keys per-client limits with it, and the
// front door's server (server/client-limits.mjs, outside Next's bundle) keys connections with it.
import ipaddr from 'ipaddr.js';

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * The key of an address: IPv4 as it is (also when written IPv4-mapped), IPv6 by its /64, anything else as given.
 * @param {string} address
 * @returns {string}
 */
export function addressKey(address) {
  if (IPV4.test(address)) return address;
  if (!ipaddr.isValid(address)) return address.toLowerCase().slice(0, 64) || 'unknown';
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const v6 = /** @type {ipaddr.IPv6} */ (ip);
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  // A home or a host gets a whole /64: its addresses are one client.
  const prefix = new ipaddr.IPv6([...v6.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${prefix.toString()}/64`;
}
