import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mailroute/api/core';
import type { LocalizedText } from '@mailroute/shared/contracts';
import {
  classifyAddress,
  type AddressRefusal,
  type AddressVerdict,
  type Classification,
} from './address-classification';
import { addressRefusedHint, portRefusedHint, unresolvableHint } from './address-policy-hints';
import { HostResolutionError, HostResolver } from './host-resolver';

export { ADDRESS_REFUSALS, type AddressRefusal, type AddressVerdict } from './address-classification';

export type AddressPolicyStage = 'resolve' | 'policy';
export type AddressPolicyReason = 'unresolvable' | 'address_refused' | 'port_refused';

/**
 * The destination may not be connected to. `message` is technical (for logs and the report's
 * detail); `hint` tells the admin what to do.
 */
export class AddressPolicyError extends Error {
  readonly stage: AddressPolicyStage;
  readonly reason: AddressPolicyReason;
  readonly hint: LocalizedText;
  /** Every address the host resolved to (empty when it did not resolve or the port was refused). */
  readonly addresses: string[];
  /** The verdict on each of `addresses`, as applied (private hosts allowed or not). */
  readonly verdicts: AddressVerdict[];
  /** The resolver's code (`ENOTFOUND`, `ETIMEOUT`…) when stage is `resolve`, else null. */
  readonly dnsCode: string | null;

  constructor(init: {
    stage: AddressPolicyStage;
    reason: AddressPolicyReason;
    hint: LocalizedText;
    message: string;
    addresses?: string[];
    verdicts?: AddressVerdict[];
    dnsCode?: string | null;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AddressPolicyError';
    this.stage = init.stage;
    this.reason = init.reason;
    this.hint = init.hint;
    this.addresses = init.addresses ?? [];
    this.verdicts = init.verdicts ?? [];
    this.dnsCode = init.dnsCode ?? null;
  }
}

/** A destination the policy allows. Connect to `connectAddress`; verify TLS against `host`. */
export interface CheckedDestination {
  /** The host as configured, without the brackets of an IPv6 literal. */
  host: string;
  port: number;
  /** Every address of the host, canonical, all allowed. */
  addresses: string[];
  /** The address to connect to: an IP literal, never a name `net.connect` would look up again. */
  connectAddress: string;
}

/**
 * Refusals that `allowPrivateHosts` (development) does not lift: metadata endpoints hand out the
 * machine's cloud credentials (see address-classification.ts), and a non-address cannot be
 * connected to without a new lookup.
 */
const ALWAYS_REFUSED: ReadonlySet<AddressRefusal> = new Set(['metadata', 'not_an_address']);

/**
 * Where Mailroute may open an SMTP connection for an organization (SSRF protection): only public
 * addresses on allowed ports, unless development allows private hosts. Used by the connection test
 * on save and before every send.
 */
@Injectable()
export class AddressPolicy {
  constructor(
    private readonly config: AppConfig,
    private readonly resolver: HostResolver,
  ) {}

  /**
   * The production verdict on one address (as if private hosts were not allowed), in any notation:
   * dotted or inet_aton IPv4, IPv6 with or without brackets and zone id. Pure; never resolves.
   */
  classify(address: string): AddressVerdict {
    const { allowed, refusal } = classifyAddress(address);
    return { address, allowed, refusal };
  }

  /** Throws AddressPolicyError (`policy`, `port_refused`) unless the port is allowed by config. */
  checkPort(port: number): void {
    const { allowedPorts } = this.config.smtpSettings;
    const valid = Number.isInteger(port) && port >= 1 && port <= 65535;
    if (valid && (allowedPorts === 'any' || allowedPorts.includes(port))) {
      return;
    }
    throw new AddressPolicyError({
      stage: 'policy',
      reason: 'port_refused',
      hint: portRefusedHint(port, allowedPorts),
      message: valid
        ? `Port ${port} is not among the allowed SMTP ports (${allowedPorts === 'any' ? 'any' : allowedPorts.join(', ')})`
        : `Port ${port} is not a TCP port`,
    });
  }

  /**
   * Checks the port and every address of a host: a single refused address refuses the host (one
   * public and one private address is how a rebinding or split-horizon trick would look). Returns
   * the destination with the address to connect to: the first IPv4 in resolver order, else the
   * first address. IPv4 first because the connection is pinned to one address without Happy
   * Eyeballs fallback, and IPv6 egress is the one missing in many containers and clouds. An empty
   * list is a resolution failure.
   */
  checkAddresses(host: string, port: number, addresses: string[]): CheckedDestination {
    this.checkPort(port);
    const name = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
    if (addresses.length === 0) {
      throw new AddressPolicyError({
        stage: 'resolve',
        reason: 'unresolvable',
        hint: unresolvableHint('ENODATA'),
        message: `${name} has no address`,
        dnsCode: 'ENODATA',
      });
    }
    const classifications = addresses.map((address) => this.applied(classifyAddress(address)));
    const canonical = [...new Set(classifications.map((c) => c.canonical ?? c.address))];
    const verdicts = classifications.map(({ address, allowed, refusal }) => ({ address, allowed, refusal }));
    const refused = verdicts.filter((verdict) => !verdict.allowed);
    if (refused.length > 0) {
      const refusals = refused.map((verdict) => verdict.refusal ?? 'not_an_address');
      throw new AddressPolicyError({
        stage: 'policy',
        reason: 'address_refused',
        hint: addressRefusedHint(refusals),
        message: `${name} resolves to ${refused.map((v) => `${v.address} (${v.refusal ?? '?'})`).join(', ')}, which Mailroute does not connect to`,
        addresses: canonical,
        verdicts,
      });
    }
    // Every address was allowed, so each is a canonical IP literal.
    const connectAddress = canonical.find((address) => isIP(address) === 4) ?? canonical[0];
    return { host: name, port, addresses: canonical, connectAddress };
  }

  /** Port, then DNS (bounded by `timeoutMs`), then every address. Throws AddressPolicyError. */
  async check(host: string, port: number, timeoutMs: number): Promise<CheckedDestination> {
    this.checkPort(port);
    let addresses: string[];
    try {
      addresses = await this.resolver.resolve(host, timeoutMs);
    } catch (error: unknown) {
      const code = error instanceof HostResolutionError ? error.code : 'EUNKNOWN';
      throw new AddressPolicyError({
        stage: 'resolve',
        reason: 'unresolvable',
        hint: unresolvableHint(code),
        message: `Could not resolve ${host}: ${code}`,
        dnsCode: code,
        cause: error,
      });
    }
    return this.checkAddresses(host, port, addresses);
  }

  /** The verdict as configured: development may allow private hosts, never metadata. */
  private applied(classification: Classification): Classification {
    const { refusal } = classification;
    if (refusal !== null && this.config.smtpSettings.allowPrivateHosts && !ALWAYS_REFUSED.has(refusal)) {
      return { ...classification, allowed: true, refusal: null };
    }
    return classification;
  }
}
