import { parseDevSmtpArgs, UsageError } from './dev-smtp-options';

describe('parseDevSmtpArgs', () => {
  it('defaults to loopback, free ports (0), mailroute/mailroute and data folders under cwd', () => {
    expect(parseDevSmtpArgs([], '/work/repo')).toEqual({
      host: '127.0.0.1',
      tlsPort: 0,
      starttlsPort: 0,
      user: 'mailroute',
      password: 'mailroute',
      dataDir: '/work/repo/data/dev-smtp',
      mailDir: '/work/repo/data/dev-mail',
    });
  });

  it('takes values after the flag or after an equals sign', () => {
    expect(
      parseDevSmtpArgs(
        [
          '--tls-port',
          '2465',
          '--starttls-port=2587',
          '--user=dev',
          '--password',
          'p=w d',
          '--mail-dir',
          '/tmp/mail',
        ],
        '/r',
      ),
    ).toMatchObject({
      tlsPort: 2465,
      starttlsPort: 2587,
      user: 'dev',
      password: 'p=w d',
      mailDir: '/tmp/mail',
    });
  });

  it('takes the ports from DEV_SMTP_TLS_PORT and DEV_SMTP_STARTTLS_PORT when the flags are not given', () => {
    const env = { DEV_SMTP_TLS_PORT: '2465', DEV_SMTP_STARTTLS_PORT: '2587' };
    expect(parseDevSmtpArgs([], '/r', env)).toMatchObject({ tlsPort: 2465, starttlsPort: 2587 });
    expect(parseDevSmtpArgs(['--tls-port', '3465'], '/r', env)).toMatchObject({
      tlsPort: 3465,
      starttlsPort: 2587,
    });
    expect(parseDevSmtpArgs([], '/r', { DEV_SMTP_TLS_PORT: '' })).toMatchObject({ tlsPort: 0 });
  });

  it('names the variable that holds a malformed port', () => {
    expect(() => parseDevSmtpArgs([], '/r', { DEV_SMTP_STARTTLS_PORT: 'smtp' })).toThrow(
      'DEV_SMTP_STARTTLS_PORT must be a port number from 0 to 65535, got "smtp"',
    );
  });

  it('asks for help', () => {
    expect(parseDevSmtpArgs(['--port', '1', '--help'], '/r')).toBe('help');
  });

  it.each([
    [['--port', '25'], 'Unknown argument "--port"'],
    [['smtp'], 'Unknown argument "smtp"'],
    [['--user'], '--user needs a value'],
    [['--tls-port', 'abc'], '--tls-port must be a port number from 0 to 65535, got "abc"'],
    [['--starttls-port', '70000'], '--starttls-port must be a port number'],
    [['--tls-port', '2000', '--starttls-port', '2000'], '--tls-port and --starttls-port must differ'],
  ])('refuses %j', (args, message) => {
    expect(() => parseDevSmtpArgs(args, '/r')).toThrow(UsageError);
    expect(() => parseDevSmtpArgs(args, '/r')).toThrow(message);
  });

  it('allows both ports to be 0, each gets its own free port', () => {
    expect(parseDevSmtpArgs(['--tls-port', '0', '--starttls-port', '0'], '/r')).toMatchObject({
      tlsPort: 0,
      starttlsPort: 0,
    });
  });
});
