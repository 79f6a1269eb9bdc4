import { BlockList, isIP } from 'node:net';

/**
 * An address as a socket or a proxy writes it, in one spelling: brackets and a port are dropped
 * (`[::1]:443`, `1.2.3.4:80`), an IPv4-mapped IPv6 address becomes IPv4 (a dual-stack socket
 * reports `::ffff:10.0.0.1`). Null when it is not an IP address at all.
 */
export function normalizeAddress(raw: string): string | null {
  let s = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (mapped) s = mapped[1]!;
  return isIP(s) ? s : null;
}

/**
 * The client behind a request. The direct peer is the client unless it is a trusted proxy; then
 * X-Forwarded-For is read from the right (each proxy appends the address it saw), skipping
 * trusted proxies, and the first untrusted address is the client. Entries left of it were
 * written by the client itself and are never believed. An entry that is not an address ends the
 * walk at the proxy that passed it on.
 */
export function clientAddress(peer: string, forwardedFor: string | null | undefined, isTrusted: (address: string) => boolean): string {
  let client = peer;
  if (!isTrusted(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]!);
    if (hop === null) return client;
    client = hop;
    if (!isTrusted(hop)) return hop;
  }
  return client;
}

/** TRUSTED_PROXIES: the proxies whose X-Forwarded-For is believed, as IP addresses and CIDR ranges. */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(ranges: readonly ProxyRange[]) {
    for (const r of ranges) this.list.addSubnet(r.address, r.prefix, r.family);
    this.size = ranges.length;
  }

  has(address: string): boolean {
    const normal = normalizeAddress(address);
    if (normal === null) return false;
    return this.list.check(normal, isIP(normal) === 6 ? 'ipv6' : 'ipv4');
  }
}

export interface ProxyRange {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** One TRUSTED_PROXIES entry (`10.0.0.0/8`, `::1`); null when it is neither an address nor a range. */
export function parseProxyRange(entry: string): ProxyRange | null {
  const [rawAddress = '', rawPrefix, extra] = entry.trim().split('/');
  // A plain address only: brackets or a port are no part of a range.
  if (!isIP(rawAddress) || extra !== undefined) return null;
  const address = normalizeAddress(rawAddress)!;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  const max = family === 'ipv6' ? 128 : 32;
  if (rawPrefix === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(rawPrefix) || Number(rawPrefix) > max) return null;
  return { address, prefix: Number(rawPrefix), family };
}
