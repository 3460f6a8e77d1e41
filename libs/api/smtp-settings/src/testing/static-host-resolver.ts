import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { HostResolver } from '../lib/address-policy/host-resolver';

/**
 * DNS for tests, from a fixed table like /etc/hosts: `localhost` and the names given answer,
 * anything else is NXDOMAIN at once. Tests then never query a real resolver.
 */
export class StaticHostResolver extends HostResolver {
  private readonly table: ReadonlyMap<string, string[]>;

  constructor(names: Record<string, string[]> = {}) {
    super();
    this.table = new Map(Object.entries({ localhost: ['127.0.0.1', '::1'], ...names }));
  }

  protected override lookup(host: string): Promise<LookupAddress[]> {
    const addresses = this.table.get(host.toLowerCase());
    if (!addresses) {
      return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    }
    return Promise.resolve(addresses.map((address) => ({ address, family: isIP(address) })));
  }
}
