import type { NodemailerError, SMTPSentMessageInfo } from 'nodemailer';
import { recipientOutcomes } from './recipient-outcomes';

/** A rejected recipient's error as nodemailer 10.6 keeps it on `rejectedErrors`. */
function refusal(recipient: string, response: string): NodemailerError {
  return Object.assign(new Error(`Recipient command failed: ${response}`), {
    code: 'EENVELOPE',
    response,
    responseCode: Number(response.slice(0, 3)),
    command: 'RCPT TO',
    recipient,
  });
}

describe('recipientOutcomes', () => {
  it('reports a partial refusal per recipient, in envelope order', () => {
    // Measured: two recipients, the server refused the first at RCPT TO and took the message.
    const info: SMTPSentMessageInfo = {
      envelope: { from: 'noreply@example.com', to: ['x@example.com', 'y@example.com'] },
      messageId: '<m1@example.com>',
      accepted: ['y@example.com'],
      rejected: ['x@example.com'],
      rejectedErrors: [refusal('x@example.com', '550 5.1.1 <x@example.com>: no such user')],
      response: '250 2.0.0 Ok: queued as ABC',
      envelopeTime: 3,
      messageTime: 4,
      messageSize: 500,
    };

    expect(recipientOutcomes(info)).toEqual([
      { address: 'x@example.com', accepted: false, response: '550 5.1.1 <x@example.com>: no such user' },
      { address: 'y@example.com', accepted: true, response: '250 2.0.0 Ok: queued as ABC' },
    ]);
  });

  it('reports every recipient of an all-refused error', () => {
    const error = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 450 4.2.0 greylisted"),
      {
        rejected: ['x@example.com', 'y@example.com'],
        rejectedErrors: [
          refusal('x@example.com', '550 5.1.1 no such user'),
          refusal('y@example.com', '450 4.2.0 greylisted'),
        ],
      },
    );

    expect(recipientOutcomes(error)).toEqual([
      { address: 'x@example.com', accepted: false, response: '550 5.1.1 no such user' },
      { address: 'y@example.com', accepted: false, response: '450 4.2.0 greylisted' },
    ]);
  });

  it('reports a refused recipient without a recorded reply with a null response', () => {
    expect(recipientOutcomes({ accepted: [], rejected: ['x@example.com'] })).toEqual([
      { address: 'x@example.com', accepted: false, response: null },
    ]);
  });

  it('accepts address objects', () => {
    expect(recipientOutcomes({ accepted: [{ address: 'y@example.com' }], response: '250 ok' })).toEqual([
      { address: 'y@example.com', accepted: true, response: '250 ok' },
    ]);
  });

  it('counts a recipient refused after DATA (LMTP) as refused even if it was accepted at RCPT TO', () => {
    expect(
      recipientOutcomes({
        accepted: ['x@example.com'],
        rejected: ['x@example.com'],
        rejectedErrors: [refusal('x@example.com', '552 5.2.2 mailbox full')],
        response: '250 ok',
      }),
    ).toEqual([{ address: 'x@example.com', accepted: false, response: '552 5.2.2 mailbox full' }]);
  });

  it('reads a multi-line refusal as one line', () => {
    expect(
      recipientOutcomes({
        rejected: ['x@example.com'],
        rejectedErrors: [refusal('x@example.com', '550-5.1.1 No such user\n550 5.1.1 See docs')],
      }),
    ).toEqual([
      { address: 'x@example.com', accepted: false, response: '550-5.1.1 No such user 550 5.1.1 See docs' },
    ]);
  });
});
