import { isIP, isIPv6 } from 'node:net';

/**
 * The name Mailroute gives in EHLO, for deliveries and connection tests alike: the host of
 * PUBLIC_URL, as an RFC 5321 §4.1.3 address literal when it is an IP address. Operator
 * configuration, never organization input.
 */
export function ehloNameOf(publicUrl: string): string {
  const host = new URL(publicUrl).hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) === 0) {
    return host;
  }
  return isIPv6(host) ? `[IPv6:${host}]` : `[${host}]`;
}
