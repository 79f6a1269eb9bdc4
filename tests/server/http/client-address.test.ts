import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';
import { clientAddress, normalizeAddress, TrustedProxies } from '../../../server/http/client-address';

const proxies = (list: string) => new TrustedProxies(loadConfig({ TRUSTED_PROXIES: list }).TRUSTED_PROXIES);
const walk = (peer: string, forwardedFor: string | null, list = '127.0.0.1,10.0.0.0/8,::1,fd00::/8') => {
  const trusted = proxies(list);
  return clientAddress(peer, forwardedFor, (a) => trusted.has(a));
};

describe('normalizeAddress: one spelling per address', () => {
  it('drops brackets and ports, maps ::ffff:a.b.c.d to IPv4, refuses what is not an address', () => {
    expect(normalizeAddress(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(normalizeAddress('203.0.113.7:51234')).toBe('203.0.113.7');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('2001:db8::1')).toBe('2001:db8::1');
    for (const junk of ['', 'unknown', 'local', '999.1.1.1', '1.2.3', '_hidden', '[::1']) expect(normalizeAddress(junk), junk).toBeNull();
  });
});

describe('clientAddress: X-Forwarded-For only from trusted proxies', () => {
  it('an untrusted peer is the client, whatever it writes in X-Forwarded-For', () => {
    expect(walk('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7');
    expect(walk('203.0.113.7', '10.0.0.1, 127.0.0.1')).toBe('203.0.113.7');
    expect(walk('203.0.113.7', null)).toBe('203.0.113.7');
  });

  it('behind trusted proxies the first untrusted address from the right is the client; what the client wrote left of it is ignored', () => {
    expect(walk('10.0.0.2', '198.51.100.1')).toBe('198.51.100.1');
    expect(walk('10.0.0.2', 'spoofed-by-client, 1.1.1.1, 198.51.100.1, 10.0.0.9')).toBe('198.51.100.1');
    expect(walk('::1', '2001:db8::7, fd00::3')).toBe('2001:db8::7');
    expect(walk('::ffff:127.0.0.1', '[2001:db8::7]:5000')).toBe('2001:db8::7');
  });

  it('a trusted proxy with no X-Forwarded-For, or one of only trusted hops, gives the furthest hop seen', () => {
    expect(walk('10.0.0.2', null)).toBe('10.0.0.2');
    expect(walk('10.0.0.2', '')).toBe('10.0.0.2');
    expect(walk('10.0.0.2', '127.0.0.1, 10.0.0.5')).toBe('127.0.0.1');
  });

  it('an entry that is not an address ends the walk at the proxy that passed it', () => {
    expect(walk('10.0.0.2', '198.51.100.1, unknown')).toBe('10.0.0.2');
    expect(walk('10.0.0.2', 'unknown, 10.0.0.5')).toBe('10.0.0.5');
  });

  it('CIDR edges: 10.0.0.0/8 ends at 10.255.255.255; a /32 or a bare address is that address only', () => {
    expect(walk('10.255.255.255', '198.51.100.1')).toBe('198.51.100.1');
    expect(walk('11.0.0.0', '198.51.100.1')).toBe('11.0.0.0');
    expect(walk('127.0.0.2', '198.51.100.1')).toBe('127.0.0.2');
    expect(walk('192.0.2.1', '198.51.100.1', '192.0.2.1/32')).toBe('198.51.100.1');
    expect(walk('198.51.100.1', '203.0.113.1', '0.0.0.0/0')).toBe('203.0.113.1');
  });

  it('with no TRUSTED_PROXIES nothing is trusted, not even localhost', () => {
    expect(walk('127.0.0.1', '198.51.100.1', '')).toBe('127.0.0.1');
  });
});

describe('TRUSTED_PROXIES in the environment', () => {
  it('takes IPv4 and IPv6 addresses and ranges, with spaces and empty entries', () => {
    expect(loadConfig({ TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8,,::1 ,fd00::/8' }).TRUSTED_PROXIES).toEqual([
      { address: '127.0.0.1', prefix: 32, family: 'ipv4' },
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '::1', prefix: 128, family: 'ipv6' },
      { address: 'fd00::', prefix: 8, family: 'ipv6' },
    ]);
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
  });

  it('a bad entry stops the start with the entry named and an example of a good one', () => {
    for (const bad of ['10.0.0.0/33', '::1/129', 'localhost', '10.0.0.0/8/1', '[::1]', '10.0.0.1:80', '10.0.0.0/', '10.0.0.0/-1']) {
      const error = (() => {
        try {
          loadConfig({ TRUSTED_PROXIES: `127.0.0.1,${bad}` });
        } catch (e) {
          return e;
        }
      })();
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(`TRUSTED_PROXIES: "${bad}" is not an IP address or CIDR range; write e.g. 127.0.0.1,10.0.0.0/8,::1`);
    }
  });
});
