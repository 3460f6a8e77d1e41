import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { testConfig } from '@mailroute/api/core/testing';
import { AddressPolicy, AddressPolicyError, type AddressRefusal } from './address-policy';
import { HostResolver } from './host-resolver';

/** Fixed DNS answers; literals are still answered by the real HostResolver code. */
const ZONE: Record<string, string[]> = {
  localhost: ['127.0.0.1'],
  'localhost6.example.com': ['::1'],
  'split.example.com': ['1.1.1.1', '10.0.0.1'],
  'rebind.example.com': ['1.1.1.1', '169.254.169.254'],
  'mapped.example.com': ['::ffff:10.0.0.1'],
  'alibaba.example.com': ['100.100.100.200'],
  'ecs.example.com': ['169.254.170.2'],
  'smtp.example.com': ['2606:4700:4700::1111', '1.1.1.1', '2606:4700:4700::1001', '1.0.0.1'],
  'v6only.example.com': ['2606:4700:4700::1111'],
  'nat64.example.com': ['64:ff9b::101:101'],
};

class ZoneResolver extends HostResolver {
  protected override lookup(host: string): Promise<LookupAddress[]> {
    const addresses = ZONE[host];
    if (addresses === undefined) {
      return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    }
    return Promise.resolve(addresses.map((address) => ({ address, family: isIP(address) })));
  }
}

function policyWith(env: Record<string, string>): AddressPolicy {
  return new AddressPolicy(testConfig(env), new ZoneResolver());
}

async function refusalOf(policy: AddressPolicy, host: string, port = 587): Promise<AddressPolicyError> {
  try {
    await policy.check(host, port, 1_000);
  } catch (error: unknown) {
    if (error instanceof AddressPolicyError) {
      return error;
    }
    throw error;
  }
  throw new Error(`${host} was allowed`);
}

describe('AddressPolicy', () => {
  describe('in production (private hosts not allowed)', () => {
    const policy = policyWith({ SMTP_ALLOW_PRIVATE_HOSTS: 'false' });

    // The SSRF corpus: every notation of an internal address an admin could type or a DNS record hold.
    it.each<[string, AddressRefusal]>([
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['127.1', 'loopback'],
      ['2130706433', 'loopback'],
      ['0x7f000001', 'loopback'],
      ['0x7f.1', 'loopback'],
      ['0177.0.0.1', 'loopback'],
      ['017700000001', 'loopback'],
      ['127.000.000.001', 'loopback'],
      ['localhost', 'loopback'],
      ['localhost6.example.com', 'loopback'],
      ['0.0.0.0', 'unspecified'],
      ['0', 'unspecified'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['100.64.0.1', 'cgnat'],
      ['169.254.169.254', 'metadata'],
      ['100.100.100.200', 'metadata'],
      ['alibaba.example.com', 'metadata'],
      ['ecs.example.com', 'metadata'],
      ['169.254.1.1', 'link_local'],
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['240.0.0.1', 'reserved'],
      ['192.0.0.8', 'reserved'],
      ['192.0.2.10', 'documentation'],
      ['203.0.113.7', 'documentation'],
      ['198.18.0.1', 'benchmarking'],
      ['::1', 'loopback'],
      ['[::1]', 'loopback'],
      ['0:0:0:0:0:0:0:1', 'loopback'],
      ['::', 'unspecified'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['[::ffff:7f00:1]', 'loopback'],
      ['::ffff:169.254.169.254', 'metadata'],
      ['::ffff:1.1.1.1', 'ipv4_mapped'],
      ['mapped.example.com', 'private'],
      ['::127.0.0.1', 'loopback'],
      ['::8.8.8.8', 'ipv4_compatible'],
      ['64:ff9b::a9fe:a9fe', 'metadata'],
      ['64:ff9b::7f00:1', 'loopback'],
      ['64:ff9b:1::1', 'private'],
      ['2002:7f00:1::', 'loopback'],
      ['2002:a00:1::1', 'private'],
      ['2001::1', 'teredo'],
      ['2001:db8::25', 'documentation'],
      ['3fff::25', 'documentation'],
      ['2001:2::1', 'benchmarking'],
      ['100::1', 'discard'],
      ['fe80::1', 'link_local'],
      ['fe80::1%eth0', 'link_local'],
      ['[fe80::1%eth0]', 'link_local'],
      ['2606:4700:4700::1111%eth0', 'scoped'],
      ['fec0::1', 'site_local'],
      ['fc00::1', 'private'],
      ['fd12:3456::1', 'private'],
      ['fd00:ec2::254', 'metadata'],
      ['ff02::1', 'multicast'],
      ['4000::1', 'reserved'],
      ['split.example.com', 'private'],
      ['rebind.example.com', 'metadata'],
    ])('refuses %s as %s', async (host, refusal) => {
      const error = await refusalOf(policy, host);
      expect(error).toMatchObject({ stage: 'policy', reason: 'address_refused' });
      expect(error.verdicts.filter((verdict) => !verdict.allowed).map((verdict) => verdict.refusal)).toEqual([
        refusal,
      ]);
      expect(error.hint.en).toMatch(/public/);
      expect(error.hint.fr).toMatch(/public/);
    });

    it('refuses a host with one public and one private address, listing both', async () => {
      const error = await refusalOf(policy, 'split.example.com');
      expect(error.addresses).toEqual(['1.1.1.1', '10.0.0.1']);
      expect(error.verdicts).toEqual([
        { address: '1.1.1.1', allowed: true, refusal: null },
        { address: '10.0.0.1', allowed: false, refusal: 'private' },
      ]);
      expect(error.message).toContain('10.0.0.1 (private)');
    });

    it('tells the admin plainly about a private address', async () => {
      const error = await refusalOf(policy, '10.1.2.3');
      expect(error.hint.en).toBe(
        "This host points to a private or internal address. Mailroute only connects to public SMTP servers: enter your server's public host name.",
      );
      expect(error.hint.fr).toContain('adresse privée ou interne');
    });

    it('names cloud metadata in the hint', async () => {
      expect((await refusalOf(policy, '169.254.169.254')).hint.en).toContain('cloud metadata');
    });

    it.each([
      ['1.1.1.1', '1.1.1.1'],
      ['8.8.8.8', '8.8.8.8'],
      ['2606:4700:4700::1111', '2606:4700:4700::1111'],
      ['[2606:4700:4700::1111]', '2606:4700:4700::1111'],
      ['v6only.example.com', '2606:4700:4700::1111'],
      ['nat64.example.com', '64:ff9b::101:101'],
      ['2002:101:101::1', '2002:101:101::1'],
    ])('allows the public %s and connects to %s', async (host, connectAddress) => {
      await expect(policy.check(host, 587, 1_000)).resolves.toMatchObject({ port: 587, connectAddress });
    });

    it('checks every address and connects to the first IPv4 one', async () => {
      await expect(policy.check('smtp.example.com', 465, 1_000)).resolves.toEqual({
        host: 'smtp.example.com',
        port: 465,
        addresses: ['2606:4700:4700::1111', '1.1.1.1', '2606:4700:4700::1001', '1.0.0.1'],
        connectAddress: '1.1.1.1',
      });
    });

    it('keeps the host without brackets for TLS verification', async () => {
      await expect(policy.check('[2606:4700:4700::1111]', 25, 1_000)).resolves.toMatchObject({
        host: '2606:4700:4700::1111',
      });
    });

    it('fails an unknown host at the resolve stage with the DNS code', async () => {
      const error = await refusalOf(policy, 'no-such-host.example.com');
      expect(error).toMatchObject({ stage: 'resolve', reason: 'unresolvable', dnsCode: 'ENOTFOUND' });
      expect(error.hint.en).toMatch(/spelling/);
      expect(error.hint.fr).toMatch(/orthographe/);
    });

    it('fails a DNS lookup that does not answer in time at the resolve stage', async () => {
      class SilentResolver extends HostResolver {
        protected override lookup(): Promise<LookupAddress[]> {
          return new Promise<never>(() => undefined);
        }
      }
      const slow = new AddressPolicy(testConfig({ SMTP_ALLOW_PRIVATE_HOSTS: 'false' }), new SilentResolver());
      await expect(slow.check('slow.example.com', 587, 50)).rejects.toMatchObject({
        stage: 'resolve',
        reason: 'unresolvable',
        dnsCode: 'ETIMEOUT',
        hint: { en: expect.stringMatching(/in time/) },
      });
    });

    it('refuses anything that is not an IP address given as a resolved address', () => {
      expect(() => policy.checkAddresses('smtp.example.com', 587, ['smtp.example.com'])).toThrow(
        expect.objectContaining({ reason: 'address_refused' }),
      );
      expect(policy.classify('smtp.example.com')).toEqual({
        address: 'smtp.example.com',
        allowed: false,
        refusal: 'not_an_address',
      });
    });

    it('treats no address at all as unresolvable', () => {
      expect(() => policy.checkAddresses('smtp.example.com', 587, [])).toThrow(
        expect.objectContaining({ stage: 'resolve', reason: 'unresolvable' }),
      );
    });

    it('connects to the canonical form of the address it checked', () => {
      expect(policy.checkAddresses('smtp.example.com', 587, ['2606:4700:4700:0:0:0:0:1111'])).toMatchObject({
        addresses: ['2606:4700:4700::1111'],
        connectAddress: '2606:4700:4700::1111',
      });
    });
  });

  describe('in development (private hosts allowed)', () => {
    const policy = policyWith({ SMTP_ALLOW_PRIVATE_HOSTS: 'true' });

    it.each([
      ['127.0.0.1', '127.0.0.1'],
      ['localhost', '127.0.0.1'],
      ['0x7f.1', '127.0.0.1'],
      ['::1', '::1'],
      ['10.1.2.3', '10.1.2.3'],
      ['192.168.1.1', '192.168.1.1'],
      ['fe80::1%eth0', 'fe80::1%eth0'],
      ['split.example.com', '1.1.1.1'],
    ])('allows %s and connects to %s', async (host, connectAddress) => {
      await expect(policy.check(host, 2525, 1_000)).resolves.toMatchObject({ connectAddress });
    });

    it.each([
      '169.254.169.254',
      '100.100.100.200',
      '168.63.129.16',
      'fd00:ec2::254',
      '::ffff:169.254.169.254',
      '64:ff9b::a9fe:a9fe',
      'rebind.example.com',
      'ecs.example.com',
    ])('still refuses the cloud metadata address %s', async (host) => {
      const error = await refusalOf(policy, host);
      expect(error.reason).toBe('address_refused');
      expect(error.verdicts.map((verdict) => verdict.refusal)).toContain('metadata');
      expect(error.hint.en).toContain('cloud metadata');
    });

    it('still classifies as production would', () => {
      expect(policy.classify('10.1.2.3')).toEqual({
        address: '10.1.2.3',
        allowed: false,
        refusal: 'private',
      });
    });
  });

  describe('ports', () => {
    const policy = policyWith({ SMTP_ALLOW_PRIVATE_HOSTS: 'false' });

    it.each([25, 465, 587, 2525])('allows the default port %i', (port) => {
      expect(() => policy.checkPort(port)).not.toThrow();
    });

    it('refuses another port before any DNS lookup, listing the allowed ones', async () => {
      const error = await refusalOf(policy, 'no-such-host.example.com', 8025);
      expect(error).toMatchObject({ stage: 'policy', reason: 'port_refused', addresses: [] });
      expect(error.hint).toEqual({
        en: 'Port 8025 is not allowed. Use one of these ports: 25, 465, 587 or 2525.',
        fr: "Le port 8025 n'est pas autorisé. Utilisez l'un de ces ports\u00a0: 25, 465, 587 ou 2525.",
      });
    });

    it('refuses a port outside the configured list even for a public address', () => {
      expect(() => policy.checkAddresses('smtp.example.com', 80, ['1.1.1.1'])).toThrow(
        expect.objectContaining({ reason: 'port_refused' }),
      );
    });

    it('names the single allowed port', () => {
      const single = policyWith({ SMTP_ALLOWED_PORTS: '587' });
      expect(() => single.checkPort(25)).toThrow(
        expect.objectContaining({
          hint: expect.objectContaining({ en: 'Port 25 is not allowed. Use port 587.' }),
        }),
      );
    });

    describe('with SMTP_ALLOWED_PORTS=*', () => {
      const any = policyWith({ SMTP_ALLOWED_PORTS: '*' });

      it.each([1, 25, 8025, 65535])('allows port %i', (port) => {
        expect(() => any.checkPort(port)).not.toThrow();
      });

      it.each([0, -1, 65536, 25.5, Number.NaN])('still refuses %p, which is no TCP port', (port) => {
        expect(() => any.checkPort(port)).toThrow(
          expect.objectContaining({
            reason: 'port_refused',
            hint: expect.objectContaining({ en: expect.stringContaining('between 1 and 65535') }),
          }),
        );
      });
    });
  });
});
