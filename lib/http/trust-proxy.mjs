// Plain JavaScript (types in trust-proxy.d.mts): the front door's server (server/client-limits.mjs)
// runs outside Next's bundle and needs the same reading of TRUST_PROXY as the edge.
import proxyaddr from 'proxy-addr';

/**
 * Which hops in front of Shelf may say who the client is, from `TRUST_PROXY`, read as Express reads
 * its `trust proxy` setting:
 * - unset, empty, `false` or `0`: trust no proxy; the socket's address is the client.
 * - `true`: trust every hop (only when nothing can reach Shelf but through the proxy).
 * - a whole number n: trust the n hops closest to Shelf.
 * - a comma list of addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal`
 *   (for example `127.0.0.1,::1` or `loopback`): trust hops at those addresses.
 *
 * The result is proxy-addr's trust function: `(address, hop)` where hop 0 is the socket's peer.
 */

/** @type {import('./trust-proxy.d.mts').Trust} */
export const TRUST_NONE = () => false;

/** @param {string | undefined} value @returns {import('./trust-proxy.d.mts').Trust} */
export function parseTrustProxy(value) {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return TRUST_NONE;
  if (text === 'true') return () => true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const list = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  try {
    return proxyaddr.compile(list);
  } catch (err) {
    throw new Error(`TRUST_PROXY must be true, a number of hops, or a comma list of addresses and CIDR ranges (got "${text}"): ${/** @type {Error} */ (err).message}`);
  }
}

/** @type {{ value: string | undefined, trust: import('./trust-proxy.d.mts').Trust } | undefined} */
let fromEnv;

/** TRUST_PROXY parsed once (and again only if the variable changes, as tests do). */
export function trustProxyFromEnv() {
  const value = process.env.TRUST_PROXY;
  if (!fromEnv || fromEnv.value !== value) fromEnv = { value, trust: parseTrustProxy(value) };
  return fromEnv.trust;
}
