import { RecentlyEnqueued } from './recently-enqueued';

describe('RecentlyEnqueued', () => {
  const a = { id: 'a', attempts: 0 };
  const b = { id: 'b', attempts: 0 };

  it('enqueues every due email the first time', () => {
    const recent = new RecentlyEnqueued(10_000);
    expect(recent.select([a, b], 0)).toEqual([a, b]);
  });

  it('does not enqueue again an email whose job is still waiting, until the re-enqueue delay passed', () => {
    const recent = new RecentlyEnqueued(10_000);
    recent.remember([a], recent.select([a], 0), 0);
    expect(recent.select([a, b], 500)).toEqual([b]);
    recent.remember([a, b], [b], 500);
    expect(recent.select([a, b], 10_000)).toEqual([a]);
  });

  it('enqueues at once an email due for a new attempt', () => {
    const recent = new RecentlyEnqueued(10_000);
    recent.remember([a], [a], 0);
    expect(recent.select([{ id: 'a', attempts: 1 }], 100)).toEqual([{ id: 'a', attempts: 1 }]);
  });

  it('forgets an email that was not due at the last sweep, so it is enqueued when due again', () => {
    const recent = new RecentlyEnqueued(10_000);
    recent.remember([a], [a], 0);
    recent.remember([], [], 100);
    expect(recent.select([a], 200)).toEqual([a]);
  });

  it('remembers nothing of a sweep whose enqueueing failed', () => {
    const recent = new RecentlyEnqueued(10_000);
    recent.remember([a], [], 0);
    expect(recent.select([a], 100)).toEqual([a]);
  });

  it('enqueues everything again after forget()', () => {
    const recent = new RecentlyEnqueued(10_000);
    recent.remember([a, b], [a, b], 0);
    recent.forget();
    expect(recent.select([a, b], 100)).toEqual([a, b]);
  });
});
