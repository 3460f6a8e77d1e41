import { isIP } from 'node:net';
import { AddressPolicy, AddressPolicyError, type CheckedDestination } from '../address-policy/address-policy';
import { unresolvableHint } from '../address-policy/address-policy-hints';
import { HostResolutionError, HostResolver } from '../address-policy/host-resolver';
import { printable } from './display-text';
import type { StageContext } from './stage-context';
import { StageFailure, type StageSuccess } from './stage-outcome';

/** Addresses shown in a detail; the `addresses` fact lists them all. */
const MAX_ADDRESSES_SHOWN = 8;

/** `resolve`: the host's addresses, looked up once; the connection goes to one of them. */
export async function resolveStage(
  context: StageContext,
  resolver: HostResolver,
): Promise<StageSuccess<string[]>> {
  const { host } = context.request;
  try {
    const addresses = await resolver.resolve(host, context.connectBudget().ms);
    return {
      value: addresses,
      detail:
        addresses.length === 1 && isIP(addresses[0]) !== 0 && addresses[0] === host
          ? `${host} is an IP address`
          : `${printable(host)} resolves to ${listed(addresses)}`,
      facts: { addresses },
    };
  } catch (error) {
    if (error instanceof HostResolutionError) {
      throw new StageFailure(
        `${printable(host)} could not be resolved (${error.code})`,
        unresolvableHint(error.code),
      );
    }
    throw error;
  }
}

/** `policy`: whether Mailroute may connect there (port allowed, every address public). */
export function policyStage(
  context: StageContext,
  policy: AddressPolicy,
  addresses: string[],
): StageSuccess<CheckedDestination> {
  const { host, port } = context.request;
  try {
    const destination = policy.checkAddresses(host, port, addresses);
    return {
      value: destination,
      detail: `allowed: port ${port}, ${destination.addresses.length === 1 ? 'address' : 'addresses'} ${listed(
        destination.addresses,
      )}; connecting to ${destination.connectAddress}`,
      facts: { addresses: destination.addresses },
    };
  } catch (error) {
    if (error instanceof AddressPolicyError) {
      throw new StageFailure(printable(error.message, 500), error.hint, { addresses: error.addresses });
    }
    throw error;
  }
}

function listed(addresses: readonly string[]): string {
  const shown = addresses.slice(0, MAX_ADDRESSES_SHOWN).join(', ');
  const more = addresses.length - MAX_ADDRESSES_SHOWN;
  return more > 0 ? `${shown} (+${more} more)` : shown;
}
