/** proxy-addr's trust function: `(address, hop)` where hop 0 is the socket's peer. */
export type Trust = (address: string, hop: number) => boolean;
export const TRUST_NONE: Trust;
/** TRUST_PROXY read as Express reads `trust proxy` (see trust-proxy.mjs); throws, naming the variable, on a value it cannot read. */
export function parseTrustProxy(value: string | undefined): Trust;
/** TRUST_PROXY from the environment, parsed once per value. */
export function trustProxyFromEnv(): Trust;
