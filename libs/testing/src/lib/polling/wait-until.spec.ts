import { waitUntil } from './wait-until';

describe('waitUntil', () => {
  it('resolves with the first value the probe produces', async () => {
    let calls = 0;
    const value = await waitUntil(() => (++calls >= 3 ? 'ready' : undefined), {
      description: 'the third call',
      intervalMs: 1,
    });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('treats a throwing probe as not ready yet', async () => {
    let calls = 0;
    const value = await waitUntil(
      () => {
        calls += 1;
        if (calls < 2) {
          throw new Error('connection refused');
        }
        return 42;
      },
      { description: 'a number', intervalMs: 1 },
    );
    expect(value).toBe(42);
  });

  it('times out naming the condition and the last error', async () => {
    await expect(
      waitUntil(
        () => {
          throw new Error('ECONNREFUSED');
        },
        { description: 'PostgreSQL to accept connections', timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow(
      'Timed out after 30 ms waiting for PostgreSQL to accept connections (last attempt: ECONNREFUSED)',
    );
  });

  it('keeps polling while the probe returns false', async () => {
    await expect(
      waitUntil(() => false, { description: 'never', timeoutMs: 20, intervalMs: 5 }),
    ).rejects.toThrow('Timed out after 20 ms waiting for never');
  });
});
