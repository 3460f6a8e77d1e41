import fc from 'fast-check';
import { seedOrganization, signIn, type SeededOrganization } from '@mailroute/api/core/testing';
import { findFreePort, startTestSmtpServer, type TestSmtpServer } from '@mailroute/testing';
import { startSmtpSettingsHarness, type SmtpSettingsHarness } from '../testing';
import { SmtpSettingsChange } from './settings/smtp-settings-change.entity';
import { SmtpSettings } from './settings/smtp-settings.entity';

const USER = { username: 'app@acme.test', password: 'fuzz-smtp-password' };

/**
 * Hundreds of generated PUT bodies, from nearly valid to nonsense, against an organization whose
 * settings are stored: never a 5xx, and the stored settings and their history never change
 * (a valid body points at a closed port, so its test fails and nothing may be stored).
 */
describe('PUT smtp-settings under generated input', () => {
  let harness: SmtpSettingsHarness;
  let server: TestSmtpServer;
  let acme: SeededOrganization;
  let token: string;
  let closedPort: number;

  beforeAll(async () => {
    server = await startTestSmtpServer({ security: 'tls', users: [USER] });
    harness = await startSmtpSettingsHarness({ env: { SMTP_SETTINGS_RATE_LIMIT: '1000' } });
    acme = await seedOrganization(harness.api.app, 'acme');
    token = await signIn(harness.api.baseUrl, acme.admin);
    closedPort = await findFreePort();
    const saved = await harness.call(token, 'PUT', '/api/organizations/current/smtp-settings', {
      host: '127.0.0.1',
      port: server.port,
      security: 'tls',
      ...USER,
      senderAddress: 'notify@acme.test',
      caCertificate: server.ca,
    });
    expect(saved.status).toBe(200);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  const stored = async () => ({
    settings: await harness.api.dataSource.getRepository(SmtpSettings).findOneBy({ organizationId: acme.id }),
    changes: await harness.api.dataSource
      .getRepository(SmtpSettingsChange)
      .countBy({ organizationId: acme.id }),
  });

  const nasty = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', ' ', '\r\n', 'a\r\nRCPT TO:<x@y>', '\u0000', 'é'.repeat(400), 'x'.repeat(40_000)),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  );
  /** Mostly a valid value, sometimes a plausible mistake, rarely anything at all. */
  const field = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
    fc.oneof({ weight: 10, arbitrary: good }, { weight: 1, arbitrary: bad }, { weight: 1, arbitrary: nasty });
  const fields = {
    host: field(
      fc.constantFrom('127.0.0.1', 'localhost', 'smtp.acme.invalid'),
      fc.constantFrom('[::1]', 'smtp://x', 'a..b'),
    ),
    port: field(
      fc.constant(0).map(() => closedPort),
      fc.constantFrom(0, 65536, -1, 1.5, '587'),
    ),
    security: field(fc.constantFrom('tls', 'starttls'), fc.constantFrom('none', 'TLS', 'ssl')),
    username: field(fc.constantFrom(USER.username, 'other'), fc.constantFrom('', 'a\r\nb')),
    password: field(fc.constantFrom('guess', USER.password), fc.constant('')),
    senderAddress: field(
      fc.constantFrom('notify@acme.test'),
      fc.constantFrom('Acme <notify@acme.test>', 'a@b,c@d', 'nobody'),
    ),
    senderName: field(fc.constantFrom('Acme', null), fc.constant('Acme\r\nBcc: x@y')),
    replyTo: field(fc.constantFrom('help@acme.test', null), fc.constant('help@acme.test\n')),
    caCertificate: field(
      fc.constantFrom(null, ''),
      fc.constant('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'),
    ),
    failurePolicy: field(fc.constantFrom('hold', 'fallback'), fc.constant('drop')),
    testRecipient: field(fc.constant('it@acme.test'), fc.constant('x')),
  };
  const required = ['host', 'port', 'security', 'username', 'password', 'senderAddress'] as const;
  const complete = fc.record(fields, { requiredKeys: [...required] });
  const withUnknownField = fc.record({ ...fields, extra: nasty }, { requiredKeys: [...required, 'extra'] });
  const partial = fc.record(fields, { requiredKeys: [] });
  const anyJson = fc.oneof(
    { weight: 8, arbitrary: complete },
    { weight: 1, arbitrary: withUnknownField },
    { weight: 2, arbitrary: partial },
    { weight: 1, arbitrary: nasty },
  );

  it('never answers 5xx nor changes the stored settings', async () => {
    const before = await stored();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(anyJson, async (input) => {
        const response = await harness.call(token, 'PUT', '/api/organizations/current/smtp-settings', input);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const answer = (await response.json()) as { code?: string };
        expect([400, 422]).toContain(response.status);
        expect(answer.code).toBeTruthy();
        expect(await stored()).toEqual(before);
      }),
      { numRuns: 300 },
    );
    // Both kinds of refusal were exercised: invalid input, and valid input whose test failed.
    expect(statuses.get(400)).toBeGreaterThan(0);
    expect(statuses.get(422)).toBeGreaterThan(0);
  }, 300_000);
});
