import { FileProbe } from './binary-discovery';
import { planSuite } from './service-availability';

const nothingInstalled: FileProbe = {
  isExecutable: () => false,
  listDirectory: () => [],
  realPath: (path) => path,
};
const redisInstalled: FileProbe = {
  ...nothingInstalled,
  isExecutable: (path) => path === '/usr/bin/redis-server',
};

describe('planSuite', () => {
  it('runs the suite when the server is installed', () => {
    expect(planSuite('redis', 'cache', { PATH: '/usr/bin', CI: 'true' }, redisInstalled)).toEqual({
      kind: 'run',
      location: '/usr/bin/redis-server',
    });
  });

  it('fails the suite under CI=true when the server is missing, saying how to install it', () => {
    const plan = planSuite(
      'postgres',
      'outbox repository',
      { CI: 'true', PATH: '/usr/bin' },
      nothingInstalled,
    );
    expect(plan.kind).toBe('fail');
    expect(plan).toMatchObject({
      error: expect.stringContaining('"outbox repository" needs PostgreSQL and CI=true'),
    });
    expect(plan).toMatchObject({ error: expect.stringContaining('apt-get install -y postgresql') });
  });

  it('skips with a warning naming the missing program outside CI', () => {
    const plan = planSuite('redis', 'rate limits', { PATH: '/usr/bin' }, nothingInstalled);
    expect(plan.kind).toBe('skip');
    expect(plan).toMatchObject({
      warning: expect.stringContaining(
        'SKIPPED "rate limits": Redis is not installed: redis-server not found',
      ),
    });
    expect(plan).toMatchObject({ warning: expect.stringContaining('apt-get install -y redis-server') });
  });

  it.each(['false', '1', ''])('treats CI=%j as not CI', (ci) => {
    expect(planSuite('redis', 'x', { CI: ci }, nothingInstalled).kind).toBe('skip');
  });
});
