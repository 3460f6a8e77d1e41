import { ReceivedMessage } from './received-message';
import { ReceivedMessageLog } from './received-message-log';

function message(subject: string): ReceivedMessage {
  return {
    envelope: { mailFrom: 'app@mailroute.test', rcptTo: ['ada@example.test'] },
    secure: true,
    raw: Buffer.from(''),
    subject,
    to: ['ada@example.test'],
    headers: {},
    receivedAt: new Date(),
  };
}

describe('ReceivedMessageLog', () => {
  it('resolves a wait at once when enough messages are already there', async () => {
    const log = new ReceivedMessageLog();
    log.add(message('one'));
    await expect(log.waitFor(1, 1000)).resolves.toHaveLength(1);
  });

  it('resolves a wait when the awaited message arrives', async () => {
    const log = new ReceivedMessageLog();
    const waiting = log.waitFor(2, 1000);
    log.add(message('one'));
    log.add(message('two'));
    const messages = await waiting;
    expect(messages.map((m) => m.subject)).toEqual(['one', 'two']);
  });

  it('rejects after the timeout saying how many arrived and which', async () => {
    const log = new ReceivedMessageLog();
    log.add(message('Welcome'));
    await expect(log.waitFor(2, 10)).rejects.toThrow(
      'Expected 2 message(s) within 10 ms, but 1 arrived: app@mailroute.test → ada@example.test "Welcome"',
    );
  });

  it('says none arrived when none did', async () => {
    await expect(new ReceivedMessageLog().waitFor(1, 5)).rejects.toThrow('but none arrived');
  });

  it('hands out snapshots that later arrivals do not change', () => {
    const log = new ReceivedMessageLog();
    const before = log.list();
    log.add(message('one'));
    expect(before).toHaveLength(0);
    expect(log.list()).toHaveLength(1);
  });

  it('counts again from zero after clear', async () => {
    const log = new ReceivedMessageLog();
    log.add(message('old'));
    log.clear();
    const waiting = log.waitFor(1, 1000);
    log.add(message('new'));
    await expect(waiting).resolves.toEqual([expect.objectContaining({ subject: 'new' })]);
  });

  it('rejects pending waits when abandoned', async () => {
    const log = new ReceivedMessageLog();
    const waiting = log.waitFor(1, 1000);
    log.abandonWaits('The server closed');
    await expect(waiting).rejects.toThrow('The server closed while waiting for 1 message(s); none arrived');
  });
});
