import { ConfigError } from '@mailroute/api/core';
import { chooseMailQueue } from './mail-queue-kind';

describe('chooseMailQueue', () => {
  it('uses the Redis queue exactly when REDIS_URL is set, unless told otherwise', () => {
    expect(chooseMailQueue(undefined, null)).toBe('in-process');
    expect(chooseMailQueue(undefined, 'redis://127.0.0.1:6379')).toBe('redis');
    expect(chooseMailQueue('in-process', 'redis://127.0.0.1:6379')).toBe('in-process');
  });

  it('refuses the Redis queue without REDIS_URL, naming the variable', () => {
    expect(() => chooseMailQueue('redis', null)).toThrow(ConfigError);
    expect(() => chooseMailQueue('redis', null)).toThrow(/REDIS_URL/);
  });
});
