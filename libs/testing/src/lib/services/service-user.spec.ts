import { findAccount, UNPRIVILEGED_ACCOUNTS } from './service-user';

const passwd = [
  'root:x:0:0:root:/root:/bin/bash',
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
  'postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash',
  '',
].join('\n');

describe('findAccount', () => {
  it('prefers the postgres account', () => {
    expect(findAccount(passwd, UNPRIVILEGED_ACCOUNTS)).toEqual({ name: 'postgres', uid: 101, gid: 104 });
  });

  it('falls back to nobody when there is no postgres account', () => {
    const withoutPostgres = passwd.replace(/^postgres:.*$/m, '');
    expect(findAccount(withoutPostgres, UNPRIVILEGED_ACCOUNTS)).toEqual({
      name: 'nobody',
      uid: 65534,
      gid: 65534,
    });
  });

  it('finds nothing when neither account exists', () => {
    expect(findAccount('root:x:0:0:root:/root:/bin/bash\n', UNPRIVILEGED_ACCOUNTS)).toBeUndefined();
  });

  it('ignores malformed lines', () => {
    expect(findAccount('postgres:x:abc:104\n+nobody\n', UNPRIVILEGED_ACCOUNTS)).toBeUndefined();
  });
});
