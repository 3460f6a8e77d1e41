import { DispatchSignal } from './dispatch-signal';

describe('DispatchSignal', () => {
  it('wakes a waiting dispatcher as soon as it is notified', async () => {
    const signal = new DispatchSignal();
    const started = Date.now();
    const waiting = signal.wait(10_000);
    signal.notify();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('wakes every waiting dispatcher on one notify', async () => {
    const signal = new DispatchSignal();
    const woken: number[] = [];
    const waiting = [0, 1, 2, 3].map((n) => signal.wait(10_000).then(() => woken.push(n)));
    signal.notify();
    await Promise.race([Promise.all(waiting), new Promise((resolve) => setTimeout(resolve, 200))]);
    expect(woken.sort()).toEqual([0, 1, 2, 3]);
  });

  it('gives up waiting after the timeout', async () => {
    const signal = new DispatchSignal();
    const started = Date.now();
    await signal.wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
