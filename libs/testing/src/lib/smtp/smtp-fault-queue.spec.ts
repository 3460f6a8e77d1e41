import { SmtpFaultQueue } from './smtp-fault-queue';

describe('SmtpFaultQueue', () => {
  it('gives nothing to a stage no fault names', () => {
    const queue = new SmtpFaultQueue();
    queue.add({ stage: 'data', action: 'drop' });
    expect(queue.take('mail')).toBeUndefined();
    expect(queue.pending).toBe(1);
  });

  it('fires a fault as many times as asked, then lets the stage succeed', () => {
    const queue = new SmtpFaultQueue();
    queue.add({ stage: 'mail', action: 'reply', code: 451, message: '4.3.2 Try later', times: 2 });
    expect(queue.take('mail')).toMatchObject({ code: 451 });
    expect(queue.take('mail')).toMatchObject({ code: 451 });
    expect(queue.take('mail')).toBeUndefined();
  });

  it('consumes faults of one stage in the order they were queued', () => {
    const queue = new SmtpFaultQueue();
    queue.add({ stage: 'rcpt', action: 'reply', code: 450, message: 'first' });
    queue.add({ stage: 'data', action: 'stall' });
    queue.add({ stage: 'rcpt', action: 'reply', code: 550, message: 'second' });
    expect(queue.take('rcpt')).toMatchObject({ message: 'first' });
    expect(queue.take('rcpt')).toMatchObject({ message: 'second' });
    expect(queue.take('data')).toMatchObject({ action: 'stall' });
    expect(queue.pending).toBe(0);
  });

  it('applies a recipient fault only to that recipient, ignoring case', () => {
    const queue = new SmtpFaultQueue();
    queue.add({
      stage: 'rcpt',
      action: 'reply',
      code: 550,
      message: '5.1.1 No such user',
      recipient: 'Bob@Example.test',
    });
    expect(queue.take('rcpt', 'alice@example.test')).toBeUndefined();
    expect(queue.take('rcpt', 'bob@example.test')).toMatchObject({ code: 550 });
    expect(queue.take('rcpt', 'bob@example.test')).toBeUndefined();
  });

  it('forgets every queued fault on clear', () => {
    const queue = new SmtpFaultQueue();
    queue.add({ stage: 'connect', action: 'drop', times: 3 });
    queue.clear();
    expect(queue.take('connect')).toBeUndefined();
  });

  it('is not changed when the caller mutates the fault it queued', () => {
    const queue = new SmtpFaultQueue();
    const fault = { stage: 'mail' as const, action: 'reply' as const, code: 451, message: 'later' };
    queue.add(fault);
    fault.code = 250;
    expect(queue.take('mail')).toMatchObject({ code: 451 });
  });

  it.each([
    [{ stage: 'mail', action: 'reply', code: 250, message: 'OK' }, 'needs a 4xx or 5xx code'],
    [{ stage: 'mail', action: 'reply', code: 451, message: 'a\r\n250 injected' }, 'one-line message'],
    [
      { stage: 'mail', action: 'reply', code: 550, message: 'no', recipient: 'a@b.test' },
      'recipient only applies to the rcpt stage',
    ],
    [{ stage: 'data', action: 'drop', times: 0 }, 'times must be a positive integer'],
    [{ stage: 'helo', action: 'drop' }, 'Unknown SMTP stage "helo"'],
    [{ stage: 'data', action: 'explode' }, 'Unknown fault action "explode"'],
  ])('refuses a fault that cannot work: %j', (fault, message) => {
    const queue = new SmtpFaultQueue();
    expect(() => queue.add(fault as never)).toThrow(message);
  });
});
