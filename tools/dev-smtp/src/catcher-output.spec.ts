import type { ReceivedMessage } from '@mailroute/testing';
import { messageLine, startupBanner } from './catcher-output';
import { DevSmtpOptions } from './dev-smtp-options';

const options: DevSmtpOptions = {
  host: '127.0.0.1',
  tlsPort: 0,
  starttlsPort: 0,
  user: 'mailroute',
  password: 'mailroute',
  dataDir: '/repo/data/dev-smtp',
  mailDir: '/repo/data/dev-mail',
};

describe('startupBanner', () => {
  it('prints the URLs with the ports actually listened on, and the CA file to trust', () => {
    const banner = startupBanner(
      options,
      { tlsPort: 1465, starttlsPort: 1587 },
      '/repo/data/dev-smtp/cert.pem',
    );
    expect(banner).toContain('PLATFORM_SMTP_URL=smtps://mailroute:mailroute@127.0.0.1:1465');
    expect(banner).toContain('PLATFORM_SMTP_URL=smtp://mailroute:mailroute@127.0.0.1:1587');
    expect(banner).toContain('PLATFORM_SMTP_CA_FILE=/repo/data/dev-smtp/cert.pem');
  });

  it('percent-encodes credentials and brackets an IPv6 host so the URL stays valid', () => {
    const banner = startupBanner(
      { ...options, host: '::1', user: 'dev@team', password: 'p:w/d' },
      { tlsPort: 1, starttlsPort: 2 },
      '/ca.pem',
    );
    expect(banner).toContain('smtps://dev%40team:p%3Aw%2Fd@[::1]:1');
  });
});

describe('messageLine', () => {
  const message: ReceivedMessage = {
    envelope: { mailFrom: 'noreply@mailroute.test', rcptTo: ['ada@example.test', 'grace@example.test'] },
    secure: true,
    raw: Buffer.from(''),
    subject: 'Reset your password',
    to: ['ada@example.test'],
    headers: {},
    receivedAt: new Date(2030, 0, 2, 3, 4, 5),
  };

  it('shows time, sender, recipients, subject and the file relative to cwd', () => {
    expect(messageLine(message, '/repo/data/dev-mail/a.eml', '/repo')).toBe(
      '03:04:05  noreply@mailroute.test → ada@example.test, grace@example.test  "Reset your password"  data/dev-mail/a.eml',
    );
  });

  it('shows a file outside cwd by its absolute path', () => {
    expect(messageLine(message, '/tmp/mail/a.eml', '/repo')).toMatch(/ {2}\/tmp\/mail\/a\.eml$/);
  });

  it('shows the null sender as <>', () => {
    const bounce = { ...message, envelope: { ...message.envelope, mailFrom: '' }, subject: undefined };
    expect(messageLine(bounce, '/repo/a.eml', '/repo')).toBe(
      '03:04:05  <> → ada@example.test, grace@example.test  ""  a.eml',
    );
  });
});
