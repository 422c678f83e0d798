import { lookup, LookupAddress } from 'node:dns';
import { promises as dns } from 'node:dns';
import { BlockList, isIP, LookupFunction } from 'node:net';

/** Loopback, private, link-local, unique-local, CGNAT, metadata and other non-public ranges. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['2002::', 16],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

/**
 * True for any address a webhook must not reach in production. IPv4 embedded in IPv6 (mapped,
 * NAT64, 6to4) is refused outright rather than unpacked.
 */
export function isBlockedAddress(address: string): boolean {
  // Checked by prefix: a ::ffff:0:0/96 rule in the BlockList would also match every IPv4 address.
  if (/^::ffff:/i.test(address)) return true;
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) return BLOCKED.check(address, 'ipv6');
  return true;
}

const blockedMessage = (address: string) =>
  `points at a private or loopback address (${address}); only public addresses are allowed`;

/** Host part of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Why an endpoint URL is refused, or null. Hostnames are resolved and every address checked;
 * delivery checks again on each connection, so a later DNS change cannot slip past.
 */
export async function targetProblem(
  raw: string,
  allowPrivate: boolean,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'must be a full URL such as https://example.com/hooks';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'must be an http or https URL';
  if (url.username || url.password)
    return 'must not contain a user name or password';
  if (allowPrivate) return null;
  const host = hostOf(url);
  if (isIP(host)) return isBlockedAddress(host) ? blockedMessage(host) : null;
  let addresses: LookupAddress[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    return `has a host name (${host}) that could not be resolved`;
  }
  const blocked = addresses.find((entry) => isBlockedAddress(entry.address));
  return blocked ? blockedMessage(blocked.address) : null;
}

export class BlockedTargetError extends Error {}

/** A DNS lookup for outgoing requests that refuses non-public answers (stops DNS rebinding). */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const blocked = allowPrivate
        ? undefined
        : list.find((entry) => isBlockedAddress(entry.address));
      if (blocked)
        return callback(
          new BlockedTargetError(
            `refused: ${hostname} ${blockedMessage(blocked.address)}`,
          ),
          '',
          0,
        );
      if (options.all) return callback(null, list as unknown as string, 0);
      const first = list[0];
      if (!first)
        return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
