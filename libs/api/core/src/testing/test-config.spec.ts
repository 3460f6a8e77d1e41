import { testConfig } from './test-config';

describe('testConfig', () => {
  it('gives each test its own data folder and SQLite file', () => {
    const first = testConfig();
    const second = testConfig();
    expect(first.dataDir).not.toEqual(second.dataDir);
    expect(first.database).toEqual({ type: 'sqlite', path: `${first.dataDir}/mailroute.sqlite` });
    expect(first.nodeEnv).toBe('test');
    expect(first.web.serve).toBe(false);
  });

  it('lets a test point at another database', () => {
    expect(testConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5999/db' }).database).toEqual({
      type: 'postgres',
      url: 'postgres://u:p@127.0.0.1:5999/db',
    });
  });
});
