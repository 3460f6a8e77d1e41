import { formatIpAddress, parseIpAddress, parseLegacyIpv4, type ParsedIpAddress } from './ip-address';

/**
 * Why an address is refused as an organization's SMTP server. Each names a range family an admin
 * can look up; the hint shown is the same for all but `metadata`.
 */
export const ADDRESS_REFUSALS = [
  /** 127.0.0.0/8, ::1. */
  'loopback',
  /** RFC 1918 (10/8, 172.16/12, 192.168/16), unique local fc00::/7, NAT64 local-use 64:ff9b:1::/48. */
  'private',
  /** 169.254/16, fe80::/10. */
  'link_local',
  /** fec0::/10, deprecated by RFC 3879 but still routed inside some networks. */
  'site_local',
  /** Shared address space of carrier-grade NAT, 100.64/10 (RFC 6598). */
  'cgnat',
  /** 224/4, ff00::/8. */
  'multicast',
  /** "This network" 0.0.0.0/8 (0.0.0.0 reaches the local host on Linux), and ::. */
  'unspecified',
  /** 255.255.255.255. */
  'broadcast',
  /** 240/4, 192.0.0/24, 192.88.99/24, 2001::/23, and IPv6 outside global unicast 2000::/3. */
  'reserved',
  /** 198.18/15, 2001:2::/48 (RFC 2544, RFC 5180). */
  'benchmarking',
  /** 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20. */
  'documentation',
  /** Cloud instance metadata and credential endpoints: refused even when private hosts are allowed. */
  'metadata',
  /** ::ffff:a.b.c.d with a public IPv4 (a forbidden one is refused for the IPv4's own reason). */
  'ipv4_mapped',
  /** ::a.b.c.d, deprecated by RFC 4291 (a forbidden IPv4 is refused for its own reason). */
  'ipv4_compatible',
  /** 2001::/32: the tunnel's server and obfuscated client addresses say nothing of the endpoint. */
  'teredo',
  /** The discard-only prefix 100::/64 (RFC 6666). */
  'discard',
  /** An otherwise public IPv6 with a zone id (`%eth0`), which binds it to a local interface. */
  'scoped',
  /** Not an IP address at all. */
  'not_an_address',
] as const;
export type AddressRefusal = (typeof ADDRESS_REFUSALS)[number];

export interface AddressVerdict {
  address: string;
  allowed: boolean;
  /** Null exactly when allowed. */
  refusal: AddressRefusal | null;
}

/** A verdict with the text to connect to (dotted quad or RFC 5952 IPv6; null for a non-address). */
export interface Classification extends AddressVerdict {
  canonical: string | null;
}

/**
 * Instance metadata services answer with the machine's cloud credentials to whoever asks from
 * inside it, so they are never a destination, whatever the mode: a developer running Mailroute
 * with private hosts allowed on a cloud VM or a cloud workstation is still on a machine whose
 * credentials an organization admin must not be able to read through a "test connection".
 */
const METADATA_IPV4 = [
  '169.254.169.254', // AWS, GCP, Azure, OCI, DigitalOcean, Hetzner, OpenStack…
  '169.254.170.2', // AWS ECS task metadata and credentials
  '169.254.170.23', // AWS EKS Pod Identity agent
  '169.254.0.23', // Tencent Cloud
  '100.100.100.200', // Alibaba Cloud
  '168.63.129.16', // Azure WireServer (a public-range address, reachable only from inside Azure)
  '192.0.0.192', // Oracle Cloud (legacy)
];
const METADATA_IPV6 = [
  'fd00:ec2::254', // AWS IMDS on Nitro instances
  'fd00:ec2::23', // AWS EKS Pod Identity agent
];

interface Ipv4Range {
  prefix: number;
  bits: number;
  refusal: AddressRefusal;
}

function v4(cidr: string, refusal: AddressRefusal): Ipv4Range {
  const [address = '', bits = '32'] = cidr.split('/');
  const prefix = parseLegacyIpv4(address);
  if (prefix === null) {
    throw new Error(`Bad IPv4 range ${cidr}`);
  }
  return { prefix, bits: Number(bits), refusal };
}

/** First match wins: the more specific ranges come first. */
const IPV4_RANGES: readonly Ipv4Range[] = [
  ...METADATA_IPV4.map((address) => v4(address, 'metadata')),
  v4('0.0.0.0/8', 'unspecified'),
  v4('127.0.0.0/8', 'loopback'),
  v4('10.0.0.0/8', 'private'),
  v4('172.16.0.0/12', 'private'),
  v4('192.168.0.0/16', 'private'),
  v4('100.64.0.0/10', 'cgnat'),
  v4('169.254.0.0/16', 'link_local'),
  v4('192.0.2.0/24', 'documentation'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('198.18.0.0/15', 'benchmarking'),
  // IETF protocol assignments (DS-Lite, NAT64 discovery…), and the retired 6to4 relay anycast.
  v4('192.0.0.0/24', 'reserved'),
  v4('192.88.99.0/24', 'reserved'),
  v4('224.0.0.0/4', 'multicast'),
  v4('255.255.255.255/32', 'broadcast'),
  v4('240.0.0.0/4', 'reserved'),
];

function ipv4Refusal(value: number): AddressRefusal | null {
  for (const range of IPV4_RANGES) {
    if (value >>> (32 - range.bits) === range.prefix >>> (32 - range.bits)) {
      return range.refusal;
    }
  }
  return null;
}

/** What an IPv6 range means: a refusal, or an IPv4 embedded in its low bits to judge instead. */
type Ipv6Meaning =
  { refusal: AddressRefusal } | { embedsIpv4: 'low32' | '6to4'; ifPublic: AddressRefusal | null };

interface Ipv6Range {
  prefix: bigint;
  bits: bigint;
  meaning: Ipv6Meaning;
}

function v6(cidr: string, meaning: AddressRefusal | Ipv6Meaning): Ipv6Range {
  const [address = '', bits = '128'] = cidr.split('/');
  const parsed = parseIpAddress(address);
  if (parsed?.family !== 6) {
    throw new Error(`Bad IPv6 range ${cidr}`);
  }
  return {
    prefix: parsed.value,
    bits: BigInt(bits),
    meaning: typeof meaning === 'string' ? { refusal: meaning } : meaning,
  };
}

const IPV6_RANGES: readonly Ipv6Range[] = [
  ...METADATA_IPV6.map((address) => v6(address, 'metadata')),
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  // The kernel sends these to the embedded IPv4 itself: judge that address, and refuse even a
  // public one, since no real server publishes such a record.
  v6('::ffff:0:0/96', { embedsIpv4: 'low32', ifPublic: 'ipv4_mapped' }),
  v6('::/96', { embedsIpv4: 'low32', ifPublic: 'ipv4_compatible' }),
  // NAT64 (RFC 6052) and 6to4 (RFC 3056) reach a real IPv4 through a gateway: a public one is a
  // legitimate route (IPv6-only networks), a forbidden one is refused for its own reason.
  v6('64:ff9b::/96', { embedsIpv4: 'low32', ifPublic: null }),
  v6('64:ff9b:1::/48', 'private'),
  v6('2002::/16', { embedsIpv4: '6to4', ifPublic: null }),
  v6('100::/64', 'discard'),
  v6('2001::/32', 'teredo'),
  v6('2001:2::/48', 'benchmarking'),
  v6('2001:db8::/32', 'documentation'),
  v6('2001::/23', 'reserved'),
  v6('3fff::/20', 'documentation'),
  v6('fc00::/7', 'private'),
  v6('fe80::/10', 'link_local'),
  v6('fec0::/10', 'site_local'),
  v6('ff00::/8', 'multicast'),
];

const GLOBAL_UNICAST = v6('2000::/3', 'reserved');

function inIpv6Range(value: bigint, range: Ipv6Range): boolean {
  const shift = 128n - range.bits;
  return value >> shift === range.prefix >> shift;
}

function ipv6Refusal(value: bigint): AddressRefusal | null {
  for (const range of IPV6_RANGES) {
    if (!inIpv6Range(value, range)) {
      continue;
    }
    if ('refusal' in range.meaning) {
      return range.meaning.refusal;
    }
    const shift = range.meaning.embedsIpv4 === '6to4' ? 80n : 0n;
    const embedded = Number((value >> shift) & 0xffff_ffffn);
    return ipv4Refusal(embedded) ?? range.meaning.ifPublic;
  }
  return inIpv6Range(value, GLOBAL_UNICAST) ? null : 'reserved';
}

function refusalOf(parsed: ParsedIpAddress): AddressRefusal | null {
  if (parsed.family === 4) {
    return ipv4Refusal(parsed.value);
  }
  return ipv6Refusal(parsed.value) ?? (parsed.zone === null ? null : 'scoped');
}

/** The production verdict on one address, whatever the configuration. */
export function classifyAddress(address: string): Classification {
  const parsed = parseIpAddress(address);
  if (parsed === null) {
    return { address, allowed: false, refusal: 'not_an_address', canonical: null };
  }
  const refusal = refusalOf(parsed);
  return { address, allowed: refusal === null, refusal, canonical: formatIpAddress(parsed) };
}
