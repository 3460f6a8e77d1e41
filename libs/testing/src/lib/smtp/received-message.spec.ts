import { parseReceivedMessage, MessageDelivery } from './received-message';

const delivery: MessageDelivery = {
  envelope: { mailFrom: 'bounce@mailroute.test', rcptTo: ['ada@example.test', 'grace@example.test'] },
  authenticatedUser: 'mailer',
  secure: true,
  tlsProtocol: 'TLSv1.3',
  receivedAt: new Date('2030-01-02T03:04:05Z'),
};

const multipart = [
  'From: "Mailroute Team" <team@mailroute.test>',
  'To: Ada <ada@example.test>, Friends: grace@example.test, linus@example.test;',
  'Subject: =?UTF-8?B?V2lsbGtvbW1lbiDwn5GL?=',
  'Message-ID: <abc.123@mailroute.test>',
  'X-Mailroute-Org: org-1',
  'List-Unsubscribe: <https://mailroute.test/u/1>,',
  ' <mailto:unsubscribe@mailroute.test>',
  'X-Mailroute-Org: org-2',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello Ada',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello <b>Ada</b></p>',
  '--b1--',
  '',
].join('\r\n');

describe('parseReceivedMessage', () => {
  it('exposes the decoded subject, the sender and every To address, groups included', async () => {
    const message = await parseReceivedMessage(Buffer.from(multipart), delivery);
    expect(message.subject).toBe('Willkommen 👋');
    expect(message.from).toEqual({ address: 'team@mailroute.test', name: 'Mailroute Team' });
    expect(message.to).toEqual(['ada@example.test', 'grace@example.test', 'linus@example.test']);
    expect(message.messageId).toBe('<abc.123@mailroute.test>');
  });

  it('keeps the text and html parts apart', async () => {
    const message = await parseReceivedMessage(Buffer.from(multipart), delivery);
    expect(message.text?.trim()).toBe('Hello Ada');
    expect(message.html?.trim()).toBe('<p>Hello <b>Ada</b></p>');
  });

  it('gives the first value of each header, unfolded and undecoded, by lower-case name', async () => {
    const message = await parseReceivedMessage(Buffer.from(multipart), delivery);
    expect(message.headers['x-mailroute-org']).toBe('org-1');
    expect(message.headers['list-unsubscribe']).toBe(
      '<https://mailroute.test/u/1>, <mailto:unsubscribe@mailroute.test>',
    );
    expect(message.headers['subject']).toBe('=?UTF-8?B?V2lsbGtvbW1lbiDwn5GL?=');
  });

  it('does not invent a text part for an html-only message', async () => {
    const htmlOnly = [
      'From: a@mailroute.test',
      'To: b@example.test',
      'Content-Type: text/html',
      '',
      '<p>Hi</p>',
      '',
    ].join('\r\n');
    const message = await parseReceivedMessage(Buffer.from(htmlOnly), delivery);
    expect(message.text).toBeUndefined();
    expect(message.html?.trim()).toBe('<p>Hi</p>');
  });

  it('carries the envelope and session facts and the raw bytes', async () => {
    const raw = Buffer.from(multipart);
    const message = await parseReceivedMessage(raw, delivery);
    expect(message).toMatchObject(delivery);
    expect(message.raw.equals(raw)).toBe(true);
  });
});
