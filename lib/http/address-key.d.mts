/** The key of an address: IPv4 as it is (also when written IPv4-mapped), IPv6 by its /64, anything else as given. */
export function addressKey(address: string): string;
