import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@mailroute/api/core';
import { platformSmtpRoute } from './platform-route';

const CA = '-----BEGIN CERTIFICATE-----\nMIIBplatformca\n-----END CERTIFICATE-----\n';
const SENDER = 'Mailroute <notifications@mailroute.local>';

describe('platformSmtpRoute', () => {
  it('reads an smtps:// URL as implicit TLS on port 465 with decoded credentials', () => {
    const route = platformSmtpRoute({
      url: 'smtps://mail%40ops:p%3Ass%20w@SMTP.Mailroute.Example',
      caFile: null,
      sender: SENDER,
    });
    expect(route).toEqual({
      type: 'platform',
      host: 'smtp.mailroute.example',
      connectAddress: 'smtp.mailroute.example',
      port: 465,
      security: 'tls',
      username: 'mail@ops',
      password: 'p:ss w',
      caCertificate: null,
      sender: { address: 'notifications@mailroute.local', name: 'Mailroute' },
    });
  });

  it('reads an smtp:// URL as STARTTLS required on port 587', () => {
    const route = platformSmtpRoute({
      url: 'smtp://u:p@smtp.mailroute.example',
      caFile: null,
      sender: SENDER,
    });
    expect(route).toMatchObject({ security: 'starttls', port: 587 });
  });

  it('keeps an explicit port', () => {
    expect(
      platformSmtpRoute({ url: 'smtps://u:p@127.0.0.1:2465', caFile: null, sender: SENDER }),
    ).toMatchObject({
      host: '127.0.0.1',
      connectAddress: '127.0.0.1',
      port: 2465,
    });
  });

  it('takes an IPv6 literal without its brackets', () => {
    expect(platformSmtpRoute({ url: 'smtp://[::1]:2525', caFile: null, sender: SENDER })).toMatchObject({
      host: '::1',
      port: 2525,
    });
  });

  it('has no credentials when the URL carries none', () => {
    expect(
      platformSmtpRoute({ url: 'smtp://relay.internal:25', caFile: null, sender: SENDER }),
    ).toMatchObject({
      username: null,
      password: null,
    });
  });

  it('trusts the CA from PLATFORM_SMTP_CA_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mailroute-ca-')), 'ca.pem');
    writeFileSync(file, CA);
    expect(
      platformSmtpRoute({ url: 'smtps://u:p@localhost:2465', caFile: file, sender: SENDER }).caCertificate,
    ).toBe(CA);
  });

  it('names the variable when the CA file cannot be read', () => {
    const missing = join(tmpdir(), 'mailroute-no-such-dir', 'ca.pem');
    expect(() =>
      platformSmtpRoute({ url: 'smtps://u:p@localhost', caFile: missing, sender: SENDER }),
    ).toThrow(
      expect.objectContaining({
        problems: [{ variable: 'PLATFORM_SMTP_CA_FILE', reason: `cannot be read (ENOENT): ${missing}` }],
      }),
    );
  });

  it('refuses a CA file without a certificate', () => {
    expect(() =>
      platformSmtpRoute(
        { url: 'smtps://u:p@localhost', caFile: '/ca.pem', sender: SENDER },
        () => 'not a pem',
      ),
    ).toThrow(/PLATFORM_SMTP_CA_FILE: holds no PEM certificate/);
  });

  it('never puts the URL (with its password) in an error', () => {
    let error: unknown;
    try {
      platformSmtpRoute({ url: 'smtps://u:hunter2@localhost', caFile: '/ca.pem', sender: SENDER }, () => 'x');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });

  it.each(['notifications@mailroute.local', '"Mailroute, Inc." <notifications@mailroute.local>'])(
    'accepts the sender %s',
    (sender) => {
      expect(platformSmtpRoute({ url: 'smtp://localhost', caFile: null, sender }).sender.address).toBe(
        'notifications@mailroute.local',
      );
    },
  );

  it.each([
    ['two mailboxes', 'a@mailroute.local, b@mailroute.local'],
    ['no address', 'Mailroute'],
    ['a group', 'Team: a@mailroute.local;'],
    ['a line break', 'Mailroute <a@mailroute.local>\r\nBcc: victim@example.com'],
  ])('refuses a sender with %s', (_case, sender) => {
    expect(() => platformSmtpRoute({ url: 'smtp://localhost', caFile: null, sender })).toThrow(
      /PLATFORM_SENDER: must be one mailbox/,
    );
  });
});
