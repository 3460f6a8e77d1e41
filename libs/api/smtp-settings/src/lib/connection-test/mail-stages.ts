import type { LocalizedText } from '@mailroute/shared/contracts';
import { connectionTestHints as hints } from './connection-test-hints';
import { printable } from './display-text';
import type { EhloCapabilities } from './ehlo-capabilities';
import { queueIdOf } from './queue-id';
import {
  loginAuthValue,
  mailFromCommand,
  needsSmtpUtf8,
  plainAuthToken,
  rcptToCommand,
  UnsafeAddressError,
} from './smtp-commands';
import { describeReply, finalReplyLine, type SmtpReply } from './smtp-reply';
import type { SmtpSession } from './smtp-session';
import type { StageContext } from './stage-context';
import { StageFailure, type StageSuccess } from './stage-outcome';
import type { ComposedTestMessage } from './test-message';

/** Mechanisms Mailroute signs in with, in order of preference (both need TLS, which we require). */
const SUPPORTED_MECHANISMS = ['PLAIN', 'LOGIN'] as const;
type Mechanism = (typeof SUPPORTED_MECHANISMS)[number];

/** `auth`: sign in with the credentials, PLAIN preferred, else LOGIN. Never shows the password. */
export async function authStage(
  context: StageContext,
  session: SmtpSession,
  capabilities: EhloCapabilities,
): Promise<StageSuccess<void>> {
  session.requireVerifiedTls();
  const { username, password } = context.request;
  const offered = capabilities.authMechanisms;
  const user = printable(username, 100);
  if (username === '') {
    return {
      value: undefined,
      detail: 'no user name configured: not signing in',
      facts: { authMechanisms: offered },
    };
  }
  if (offered.length === 0) {
    throw new StageFailure(
      `a user name is set, but the server offers no AUTH on this connection`,
      hints.authNotOffered(),
      { authMechanisms: offered },
    );
  }
  const mechanism = SUPPORTED_MECHANISMS.find((candidate) => offered.includes(candidate));
  if (!mechanism) {
    throw new StageFailure(
      `no supported sign-in mechanism: the server offers ${offered.join(', ')}; Mailroute supports PLAIN and LOGIN`,
      hints.authMechanismsUnsupported(offered),
      { authMechanisms: offered },
    );
  }
  const reply = await signIn(context, session, mechanism, username, password);
  const facts = { authMechanisms: offered, serverResponse: finalReplyLine(reply) };
  if (reply.code === 235) {
    return {
      value: undefined,
      detail: `signed in as ${user} with ${mechanism}: ${describeReply(reply)}`,
      facts,
    };
  }
  throw new StageFailure(
    `the server refused the sign-in of ${user} with ${mechanism}: ${describeReply(reply)}`,
    authHint(reply.code),
    facts,
  );
}

/** `sender`: MAIL FROM the configured sender address. */
export async function senderStage(
  context: StageContext,
  session: SmtpSession,
  capabilities: EhloCapabilities,
  message: ComposedTestMessage,
): Promise<StageSuccess<void>> {
  session.requireVerifiedTls();
  const { senderAddress, testRecipient } = context.request;
  const sender = printable(senderAddress, 320);
  const smtpUtf8 = needsSmtpUtf8(senderAddress) || needsSmtpUtf8(testRecipient);
  if (smtpUtf8 && !capabilities.smtpUtf8) {
    throw new StageFailure(
      'the sender or recipient address has non-ASCII characters, and the server does not offer SMTPUTF8',
      hints.smtpUtf8Unsupported(),
    );
  }
  if (capabilities.maxMessageBytes !== null && message.bytes > capabilities.maxMessageBytes) {
    throw new StageFailure(
      `the test email (${message.bytes} bytes) is larger than the server's limit (SIZE ${capabilities.maxMessageBytes})`,
      hints.messageTooLarge(capabilities.maxMessageBytes),
    );
  }
  const command = safeCommand(() => mailFromCommand(senderAddress, { ...message, smtpUtf8 }, capabilities));
  const reply = await session.command(command, context.replyBudget(), 'the reply to MAIL FROM');
  const facts = { serverResponse: finalReplyLine(reply) };
  if (reply.code === 250) {
    return { value: undefined, detail: `sender <${sender}> accepted: ${describeReply(reply)}`, facts };
  }
  throw new StageFailure(
    `the server refused the sender <${sender}>: ${describeReply(reply)}`,
    senderHint(reply),
    facts,
  );
}

/**
 * `send`: RCPT TO the test recipient, DATA, the message, and the server's final word on it.
 * `onTransmitted` is called once the message's content went out (its Message-ID is then worth
 * reporting even if the final reply never comes).
 */
export async function sendStage(
  context: StageContext,
  session: SmtpSession,
  message: ComposedTestMessage,
  onTransmitted: () => void,
): Promise<StageSuccess<void>> {
  session.requireVerifiedTls();
  const { testRecipient } = context.request;
  const recipient = printable(testRecipient, 320);
  const command = safeCommand(() => rcptToCommand(testRecipient));
  const rcpt = await session.command(command, context.replyBudget(), 'the reply to RCPT TO');
  if (rcpt.code !== 250 && rcpt.code !== 251) {
    throw new StageFailure(
      `the server refused the recipient <${recipient}>: ${describeReply(rcpt)}`,
      transient(rcpt) ?? (rcpt.code === 530 ? hints.senderNeedsAuth() : hints.recipientRefused()),
      { serverResponse: finalReplyLine(rcpt) },
    );
  }
  const data = await session.command('DATA', context.replyBudget(), 'the reply to DATA');
  if (data.code !== 354) {
    throw new StageFailure(
      `the server refused DATA: ${describeReply(data)}`,
      transient(data) ?? hints.messageRefused(),
      { serverResponse: finalReplyLine(data) },
    );
  }
  const final = session.sendData(message.data, context.replyBudget(), 'the reply to the test email');
  onTransmitted();
  const reply = await final;
  const serverResponse = finalReplyLine(reply);
  if (reply.code === 250) {
    const queueId = queueIdOf(serverResponse);
    return {
      value: undefined,
      detail: `test email accepted for <${recipient}>: ${describeReply(reply)}`,
      facts: queueId ? { serverResponse, queueId: printable(queueId, 100) } : { serverResponse },
    };
  }
  throw new StageFailure(
    `the server refused the test email: ${describeReply(reply)}`,
    transient(reply) ?? hints.messageRefused(),
    { serverResponse },
  );
}

/** QUIT, politely and briefly; the test's outcome is already known, so any failure is ignored. */
export async function quit(context: StageContext, session: SmtpSession): Promise<void> {
  const budget = context.deadline.budget(1000);
  if (budget.ms <= 0) {
    return;
  }
  try {
    await session.command('QUIT', budget, 'the reply to QUIT');
  } catch {
    // The connection is destroyed right after, whatever the server did.
  }
}

async function signIn(
  context: StageContext,
  session: SmtpSession,
  mechanism: Mechanism,
  username: string,
  password: string,
): Promise<SmtpReply> {
  const budget = () => context.replyBudget();
  switch (mechanism) {
    case 'PLAIN': {
      // RFC 4954 initial response; a server that wants it separately answers 334 first.
      const token = plainAuthToken(username, password);
      const reply = await session.command(`AUTH PLAIN ${token}`, budget(), 'the reply to AUTH PLAIN');
      return reply.code === 334
        ? session.command(token, budget(), 'the reply to the AUTH PLAIN credentials')
        : reply;
    }
    case 'LOGIN': {
      const start = await session.command('AUTH LOGIN', budget(), 'the reply to AUTH LOGIN');
      if (start.code !== 334) {
        return start;
      }
      const afterUser = await session.command(
        loginAuthValue(username),
        budget(),
        'the reply to the AUTH LOGIN user name',
      );
      if (afterUser.code !== 334) {
        return afterUser;
      }
      return session.command(loginAuthValue(password), budget(), 'the reply to the AUTH LOGIN password');
    }
  }
}

function authHint(code: number): LocalizedText {
  switch (code) {
    case 535:
      return hints.wrongCredentials();
    case 534:
      return hints.authMethodRefused();
    case 530:
    case 538:
      return hints.authNeedsEncryption();
    case 454:
      return hints.authTemporary();
    default:
      return code >= 400 && code < 500 ? hints.temporarilyUnavailable() : hints.authFailed();
  }
}

function senderHint(reply: SmtpReply): LocalizedText {
  if (reply.code === 530) {
    return hints.senderNeedsAuth();
  }
  return transient(reply) ?? hints.senderRefused();
}

/** A 4xx reply: the same request may pass later. */
function transient(reply: SmtpReply): LocalizedText | null {
  return reply.code >= 400 && reply.code < 500 ? hints.temporarilyUnavailable() : null;
}

function safeCommand(build: () => string): string {
  try {
    return build();
  } catch (error) {
    if (error instanceof UnsafeAddressError) {
      throw new StageFailure(`the ${error.role} address cannot be used in an SMTP command`, null);
    }
    throw error;
  }
}
