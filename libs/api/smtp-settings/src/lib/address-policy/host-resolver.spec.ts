import type { LookupAddress } from 'node:dns';
import { HostResolutionError, HostResolver } from './host-resolver';

/** A resolver whose DNS answers are fixed, or never come. */
class FakeDnsResolver extends HostResolver {
  readonly asked: string[] = [];

  constructor(private readonly answer: (host: string) => Promise<LookupAddress[]>) {
    super();
  }

  protected override lookup(host: string): Promise<LookupAddress[]> {
    this.asked.push(host);
    return this.answer(host);
  }
}

async function failureOf(work: Promise<unknown>): Promise<HostResolutionError> {
  try {
    await work;
  } catch (error: unknown) {
    if (error instanceof HostResolutionError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a HostResolutionError');
}

describe('HostResolver', () => {
  const resolver = new HostResolver();

  it('resolves localhost through the system resolver to loopback addresses', async () => {
    const addresses = await resolver.resolve('localhost', 5_000);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) {
      expect(['127.0.0.1', '::1']).toContain(address);
    }
  });

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['1.1.1.1', '1.1.1.1'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['[2606:4700:4700:0:0:0:0:1111]', '2606:4700:4700::1111'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['127.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
  ])('answers the literal %s as [%s] without asking DNS', async (host, expected) => {
    const offline = new FakeDnsResolver(() => Promise.reject(new Error('DNS must not be asked')));
    await expect(offline.resolve(host, 1_000)).resolves.toEqual([expected]);
    expect(offline.asked).toEqual([]);
  });

  it('fails an unknown host with the resolver code', async () => {
    // The system resolver's own failure, as getaddrinfo reports it (no real DNS query in tests).
    const nxdomain = new FakeDnsResolver(() =>
      Promise.reject(
        Object.assign(new Error('getaddrinfo ENOTFOUND no-such-host.invalid'), { code: 'ENOTFOUND' }),
      ),
    );
    const failure = await failureOf(nxdomain.resolve('no-such-host.invalid', 5_000));
    expect(failure.code).toBe('ENOTFOUND');
    expect(failure.host).toBe('no-such-host.invalid');
  });

  it('keeps every address in the resolver order, once each', async () => {
    const dns = new FakeDnsResolver(() =>
      Promise.resolve([
        { address: '2606:4700:4700::1111', family: 6 },
        { address: '1.1.1.1', family: 4 },
        { address: '2606:4700:4700::1111', family: 6 },
        { address: '1.0.0.1', family: 4 },
      ]),
    );
    await expect(dns.resolve('smtp.example.com', 1_000)).resolves.toEqual([
      '2606:4700:4700::1111',
      '1.1.1.1',
      '1.0.0.1',
    ]);
  });

  it('gives up with ETIMEOUT when DNS does not answer in time', async () => {
    const silent = new FakeDnsResolver(() => new Promise<never>(() => undefined));
    const started = Date.now();
    const failure = await failureOf(silent.resolve('slow.example.com', 50));
    expect(failure.code).toBe('ETIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('passes on the code of a DNS failure', async () => {
    const failing = new FakeDnsResolver(() =>
      Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })),
    );
    expect((await failureOf(failing.resolve('gone.example.com', 1_000))).code).toBe('ENOTFOUND');
  });

  it('fails with ENODATA when DNS answers with no address', async () => {
    const empty = new FakeDnsResolver(() => Promise.resolve([]));
    expect((await failureOf(empty.resolve('empty.example.com', 1_000))).code).toBe('ENODATA');
  });

  it.each([
    '',
    ' ',
    'mail example.com',
    'evil.example\0.good.example',
    '1.2.3.4.5',
    'mail.123',
    '[mail.example.com]',
  ])('refuses %j as EBADNAME without asking DNS', async (host) => {
    const offline = new FakeDnsResolver(() => Promise.reject(new Error('DNS must not be asked')));
    expect((await failureOf(offline.resolve(host, 1_000))).code).toBe('EBADNAME');
    expect(offline.asked).toEqual([]);
  });
});
