import { connect } from 'node:net';
import { describeWithRedis } from '../services/service-availability';
import { startThrowawayRedis, ThrowawayRedis } from './throwaway-redis';

/**
 * Sends one inline command and resolves with the reply's lines once it is complete: one line for
 * a status, error or integer, the header and every element for an array of bulk strings.
 */
function redisCommand(port: number, command: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error(`no complete reply to ${command}`)));
    socket.once('error', reject);
    socket.once('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      const lines = reply.split('\r\n').slice(0, -1);
      const expected = lines[0]?.startsWith('*') ? 1 + 2 * Number(lines[0].slice(1)) : 1;
      if (lines.length >= expected) {
        socket.destroy();
        resolve(lines.slice(0, expected));
      }
    });
  });
}

describeWithRedis('startThrowawayRedis', () => {
  let redis: ThrowawayRedis;

  beforeAll(async () => {
    redis = await startThrowawayRedis();
  });

  afterAll(async () => {
    await redis.stop();
  });

  it('answers PING on 127.0.0.1', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    await expect(redisCommand(redis.port, 'PING')).resolves.toEqual(['+PONG']);
  });

  it('keeps nothing on disk', async () => {
    await expect(redisCommand(redis.port, 'CONFIG GET save')).resolves.toEqual([
      '*2',
      '$4',
      'save',
      '$0',
      '',
    ]);
    await expect(redisCommand(redis.port, 'CONFIG GET appendonly')).resolves.toEqual([
      '*2',
      '$10',
      'appendonly',
      '$2',
      'no',
    ]);
  });

  it('is gone after stop', async () => {
    const other = await startThrowawayRedis();
    await other.stop();
    await expect(redisCommand(other.port, 'PING')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
