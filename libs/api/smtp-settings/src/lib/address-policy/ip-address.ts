import { isIP } from 'node:net';

/**
 * IP address texts turned into numbers, so the address policy can compare them with ranges.
 *
 * Why not `net.BlockList`: it answers only yes or no (we must tell the admin *why* an address is
 * refused, so it would take one list per reason), it does not look inside the IPv4 address that
 * NAT64, 6to4 and IPv4-compatible IPv6 addresses embed, and it knows nothing of the inet_aton
 * notations (`0x7f.1`, `2130706433`). So the ranges are compared by hand, on numbers; but every
 * text is first validated by `net.isIP`, the same parser `net.connect` trusts, so the policy never
 * judges a string differently from how Node would connect to it. The conversion below only runs on
 * text Node already accepted.
 */

export type ParsedIpAddress =
  | { family: 4; value: number }
  /** `zone`: the IPv6 zone id (`eth0` in `fe80::1%eth0`), which binds the address to an interface. */
  | { family: 6; value: bigint; zone: string | null };

const MAX_IPV4 = 0xffff_ffff;

/**
 * An IP address in any notation a resolver would take as one: strict dotted IPv4, IPv6 with an
 * optional zone id, either in brackets (`[::1]`), and the legacy IPv4 notations of inet_aton.
 * Null when the text is not an IP address.
 */
export function parseIpAddress(text: string): ParsedIpAddress | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const percent = bare.indexOf('%');
  const address = percent === -1 ? bare : bare.slice(0, percent);
  const zone = percent === -1 ? null : bare.slice(percent + 1);
  const family = isIP(address);
  if (family === 6 && zone !== '') {
    const value = ipv6Value(address);
    return value === null ? null : { family: 6, value, zone };
  }
  if (bare !== text || zone !== null) {
    // Brackets and zone ids belong to IPv6 only.
    return null;
  }
  // A dotted quad validated by net.isIP is the four-part case of the legacy notation.
  const value = parseLegacyIpv4(address);
  return value === null ? null : { family: 4, value };
}

/** The text `net.connect` takes for a parsed address: dotted quad, or IPv6 with its zone id. */
export function formatIpAddress(address: ParsedIpAddress): string {
  if (address.family === 4) {
    return formatIpv4(address.value);
  }
  const text = formatIpv6(address.value);
  return address.zone === null ? text : `${text}%${address.zone}`;
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(Number((value >> shift) & 0xffffn));
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < groups.length; start++) {
    let length = 0;
    while (groups[start + length] === 0) {
      length++;
    }
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = (part: number[]): string => part.map((group) => group.toString(16)).join(':');
  if (bestStart === -1) {
    return hex(groups);
  }
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}

/**
 * IPv4 in the notations of inet_aton, which getaddrinfo (glibc, musl) accepts as literals and the
 * WHATWG URL standard keeps for compatibility: one to four parts, each decimal, octal (leading `0`)
 * or hexadecimal (`0x`); the last part fills the remaining bytes. `127.1`, `0x7f.1`, `2130706433`,
 * `017700000001` and `0177.0.0.1` are all 127.0.0.1. One trailing dot is ignored, as by WHATWG.
 */
export function parseLegacyIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    parts.pop();
  }
  if (parts.length > 4) {
    return null;
  }
  const numbers: number[] = [];
  for (const part of parts) {
    const value = ipv4PartValue(part);
    if (value === null) {
      return null;
    }
    numbers.push(value);
  }
  const last = numbers.pop();
  if (last === undefined || numbers.some((value) => value > 0xff) || last >= 256 ** (4 - numbers.length)) {
    return null;
  }
  return numbers.reduce((sum, value, index) => sum + value * 256 ** (3 - index), last);
}

/**
 * Whether a host name ends in a number (`x.123`, `x.0x1f`). The WHATWG URL standard requires such a
 * host to be a valid IPv4 address: no top-level domain is numeric, and a resolver would read it as
 * a (possibly malformed) inet_aton literal.
 */
export function endsInNumber(host: string): boolean {
  const parts = host.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    parts.pop();
  }
  const last = parts[parts.length - 1] ?? '';
  return /^(?:\d+|0x[0-9a-f]*)$/i.test(last);
}

function ipv4PartValue(part: string): number | null {
  let digits = part;
  let pattern = /^\d+$/;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    pattern = /^[0-9a-f]+$/i;
    radix = 16;
  } else if (part.length > 1 && part.startsWith('0')) {
    digits = part.slice(1);
    pattern = /^[0-7]+$/;
    radix = 8;
  }
  if (!pattern.test(digits)) {
    return null;
  }
  const value = parseInt(digits, radix);
  return value <= MAX_IPV4 ? value : null;
}

/** IPv6 text already validated by `net.isIP`, as a 128-bit number. */
function ipv6Value(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) {
    return null;
  }
  const head = ipv6Groups(halves[0] ?? '');
  const tail = halves.length === 2 ? ipv6Groups(halves[1] ?? '') : [];
  if (head === null || tail === null) {
    return null;
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) {
    return null;
  }
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function ipv6Groups(text: string): number[] | null {
  if (text === '') {
    return [];
  }
  const groups: number[] = [];
  for (const piece of text.split(':')) {
    if (piece.includes('.')) {
      // An embedded dotted IPv4 (`::ffff:127.0.0.1`) fills the last two groups.
      const value = isIP(piece) === 4 ? parseLegacyIpv4(piece) : null;
      if (value === null) {
        return null;
      }
      groups.push(value >>> 16, value & 0xffff);
    } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
      groups.push(parseInt(piece, 16));
    } else {
      return null;
    }
  }
  return groups;
}
