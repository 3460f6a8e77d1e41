import { promises as dns, type LookupAddress } from 'node:dns';
import { Injectable } from '@nestjs/common';
import { endsInNumber, formatIpAddress, parseIpAddress } from './ip-address';

/** A host that could not be turned into addresses. `code` is the resolver's (`ENOTFOUND`…) or ours. */
export class HostResolutionError extends Error {
  constructor(
    readonly host: string,
    /**
     * `ENOTFOUND`, `ENODATA`, `EAI_AGAIN`… from the system resolver; `ETIMEOUT` when it did not
     * answer in time; `EBADNAME` for a name no resolver should be asked about.
     */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`Could not resolve ${JSON.stringify(host)}: ${code}`, options);
    this.name = 'HostResolutionError';
  }
}

/**
 * Turns an SMTP host into the addresses to check, once: the connection then goes to a checked
 * address, so a DNS answer that changes after the check (rebinding) cannot redirect it.
 *
 * It asks the system resolver (`getaddrinfo`, as `net.connect` would), so `/etc/hosts` and the
 * machine's search rules apply exactly as they would to a plain connection. Literals are answered
 * here, without the resolver: IPv6 with or without brackets, and the inet_aton IPv4 notations
 * (`127.1`, `0x7f.1`, `2130706433`), whose meaning then does not depend on the C library.
 */
@Injectable()
export class HostResolver {
  /**
   * All addresses of a host (A and AAAA, in the resolver's order, without duplicates), or the
   * literal itself in canonical form. Rejects with {@link HostResolutionError}; gives up after
   * `timeoutMs` (the lookup itself cannot be cancelled: its late answer is ignored).
   */
  async resolve(host: string, timeoutMs: number): Promise<string[]> {
    const bracketed = host.startsWith('[') && host.endsWith(']');
    const literal = parseIpAddress(host);
    if (literal !== null) {
      return [formatIpAddress(literal)];
    }
    if (bracketed || !isPlausibleHostName(host)) {
      throw new HostResolutionError(host, 'EBADNAME');
    }

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HostResolutionError(host, 'ETIMEOUT')), Math.max(0, timeoutMs));
    });
    try {
      const answers = await Promise.race([this.lookup(host), timeout]);
      const addresses = [...new Set(answers.map((answer) => answer.address))];
      if (addresses.length === 0) {
        throw new HostResolutionError(host, 'ENODATA');
      }
      return addresses;
    } catch (error: unknown) {
      if (error instanceof HostResolutionError) {
        throw error;
      }
      const code = (error as { code?: unknown } | null)?.code;
      throw new HostResolutionError(host, typeof code === 'string' ? code : 'EUNKNOWN', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The system resolver; a seam for tests, which replace DNS with fixed answers. */
  protected lookup(host: string): Promise<LookupAddress[]> {
    return dns.lookup(host, { all: true, order: 'verbatim' });
  }
}

/**
 * Rules out what no resolver should be asked: an empty name, whitespace or control characters
 * (getaddrinfo stops at a NUL, so `evil.example\0.good.example` would resolve `evil.example`), and
 * a name ending in a number that is not a valid IPv4 (`1.2.3.4.5`, `mail.123`), which a resolver
 * may still read as a malformed inet_aton literal.
 */
function isPlausibleHostName(host: string): boolean {
  return host !== '' && host.length <= 254 && !/[\s\p{Cc}]/u.test(host) && !endsInNumber(host);
}
