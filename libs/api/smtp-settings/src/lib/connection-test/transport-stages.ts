import { isIPv6, type Socket } from 'node:net';
import type { LocalizedText, TlsDetails } from '@mailroute/shared/contracts';
import type { CheckedDestination } from '../address-policy/address-policy';
import { connectionTestHints as hints } from './connection-test-hints';
import { printable } from './display-text';
import { type EhloCapabilities, parseEhloReply } from './ehlo-capabilities';
import { errorCode, SmtpProtocolError } from './smtp-errors';
import { describeReply, finalReplyLine, type SmtpReply } from './smtp-reply';
import { SmtpSession } from './smtp-session';
import type { StageContext } from './stage-context';
import { StageFailure, type StageSuccess } from './stage-outcome';
import { connectTcp } from './tcp-connect';
import { tlsHandshake, type TlsHandshakeOutcome, type VerifiedTlsSocket } from './tls-handshake';

/** Extensions named in a detail; the `extensions` fact lists them all. */
const MAX_EXTENSIONS_SHOWN = 12;

/** `connect`: TCP to the address the policy checked. */
export async function connectStage(
  context: StageContext,
  destination: CheckedDestination,
): Promise<StageSuccess<Socket>> {
  const target = endpoint(destination.connectAddress, destination.port);
  try {
    const socket = await connectTcp(
      destination.connectAddress,
      destination.port,
      context.connectBudget(),
      context.resources,
    );
    return { value: socket, detail: `connected to ${target}` };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') {
      throw new StageFailure(
        `${target} refused the connection (ECONNREFUSED)`,
        hints.connectionRefused(destination.port),
      );
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
      throw new StageFailure(`no route to ${target} (${code})`, hints.hostUnreachable());
    }
    throw error;
  }
}

/** `tls` with implicit TLS: the handshake right after connecting, before any SMTP. */
export async function implicitTlsStage(
  context: StageContext,
  socket: Socket,
): Promise<StageSuccess<SmtpSession>> {
  const verified = requireVerified(await handshake(context, socket), context.request.host);
  return {
    value: SmtpSession.overVerifiedTls(verified.socket),
    detail: describeTls(verified.details),
    facts: { tls: verified.details },
  };
}

/** `greeting`: the server's 220 banner. */
export async function greetingStage(
  context: StageContext,
  session: SmtpSession,
): Promise<StageSuccess<void>> {
  const reply = await session.readReply(context.greetingBudget(), "the server's greeting");
  if (reply.code === 220) {
    const serverName = printable(reply.lines[0]?.trim().split(/\s+/)[0] ?? '', 100);
    return {
      value: undefined,
      detail: `${serverName || 'the server'} greeted: ${describeReply(reply)}`,
      facts: { serverResponse: finalReplyLine(reply) },
    };
  }
  const facts = { serverResponse: finalReplyLine(reply) };
  if (reply.code === 554) {
    throw new StageFailure(
      `the server refused the session: ${describeReply(reply)}`,
      hints.greetingRefused(),
      facts,
    );
  }
  if (reply.code >= 400 && reply.code < 500) {
    throw new StageFailure(
      `the server is not accepting sessions now: ${describeReply(reply)}`,
      hints.temporarilyUnavailable(),
      facts,
    );
  }
  throw new StageFailure(
    `unexpected greeting (220 expected): ${describeReply(reply)}`,
    hints.notSmtp(context.request.security, context.request.port),
    facts,
  );
}

/**
 * `tls` with STARTTLS (RFC 3207): EHLO, STARTTLS must be offered and accepted, then the
 * handshake. A server that does not offer it fails here: Mailroute never falls back to plaintext.
 */
export async function startTlsStage(
  context: StageContext,
  session: SmtpSession,
): Promise<StageSuccess<void>> {
  const { port, host } = context.request;
  const capabilities = await ehlo(context, session);
  if (!capabilities.startTls) {
    throw new StageFailure(
      'the server offers no TLS (no STARTTLS in its EHLO reply); Mailroute refuses plaintext SMTP',
      hints.noStartTls(port),
      { extensions: capabilities.extensions },
    );
  }
  const reply = await session.command('STARTTLS', context.replyBudget(), 'the reply to STARTTLS');
  if (reply.code !== 220) {
    throw new StageFailure(
      `the server refused STARTTLS: ${describeReply(reply)}`,
      reply.code >= 400 && reply.code < 500 ? hints.temporarilyUnavailable() : hints.startTlsRefused(),
      { serverResponse: finalReplyLine(reply) },
    );
  }
  let plain: Socket;
  try {
    plain = session.detachForTls();
  } catch (error) {
    if (error instanceof SmtpProtocolError) {
      throw new StageFailure(error.message, hints.dataBeforeTls());
    }
    throw error;
  }
  const verified = requireVerified(await handshake(context, plain), host);
  session.continueOverVerifiedTls(verified.socket);
  return {
    value: undefined,
    detail: `STARTTLS accepted; ${describeTls(verified.details)}`,
    facts: { tls: verified.details },
  };
}

/** `ehlo`: what the server offers over the protected session (its answer before TLS is not trusted). */
export async function ehloStage(
  context: StageContext,
  session: SmtpSession,
): Promise<StageSuccess<EhloCapabilities>> {
  const capabilities = await ehlo(context, session);
  const { extensions, authMechanisms } = capabilities;
  const shown = extensions.slice(0, MAX_EXTENSIONS_SHOWN).join(', ');
  const more =
    extensions.length > MAX_EXTENSIONS_SHOWN ? ` (+${extensions.length - MAX_EXTENSIONS_SHOWN} more)` : '';
  return {
    value: capabilities,
    detail:
      extensions.length === 0
        ? `${capabilities.serverName || 'the server'} accepted EHLO ${context.ehloName} and announced no extensions`
        : `${capabilities.serverName || 'the server'} accepted EHLO ${context.ehloName}; extensions: ${shown}${more}`,
    facts: { extensions, authMechanisms },
  };
}

/** EHLO, or HELO for a server that predates it (no extensions then: no STARTTLS, no AUTH). */
async function ehlo(context: StageContext, session: SmtpSession): Promise<EhloCapabilities> {
  const reply = await session.command(`EHLO ${context.ehloName}`, context.replyBudget(), 'the reply to EHLO');
  if (reply.code === 250) {
    return parseEhloReply(reply);
  }
  if ([500, 501, 502, 504].includes(reply.code)) {
    const helo = await session.command(
      `HELO ${context.ehloName}`,
      context.replyBudget(),
      'the reply to HELO',
    );
    if (helo.code === 250) {
      return parseEhloReply({ code: 250, lines: [helo.lines[0] ?? ''] });
    }
    throw refusedGreeting(helo);
  }
  throw refusedGreeting(reply);
}

function refusedGreeting(reply: SmtpReply): StageFailure {
  return new StageFailure(
    `the server refused EHLO: ${describeReply(reply)}`,
    reply.code >= 400 && reply.code < 500 ? hints.temporarilyUnavailable() : hints.ehloRefused(),
    { serverResponse: finalReplyLine(reply) },
  );
}

function handshake(context: StageContext, socket: Socket): Promise<TlsHandshakeOutcome> {
  const { host, caCertificate } = context.request;
  return tlsHandshake(
    socket,
    { host, caCertificate, trustStore: context.trustStore },
    context.connectBudget(),
    context.resources,
  );
}

/** The verified outcome, or the `tls` stage's failure with the certificate and why it did not verify. */
function requireVerified(
  outcome: TlsHandshakeOutcome,
  host: string,
): { socket: VerifiedTlsSocket; details: TlsDetails } {
  if (outcome.verified) {
    return outcome;
  }
  const { details, identityError } = outcome;
  // The host name is checked even when the chain failed: both problems are worth knowing at once.
  const identity = !identityError
    ? ''
    : details.verifyError === 'ERR_TLS_CERT_ALTNAME_INVALID'
      ? `: ${identityError}`
      : `; also, ${identityError}`;
  throw new StageFailure(
    `certificate not trusted (${details.verifyError ?? 'unknown reason'})${identity}; ${describeCertificate(details)}`,
    certificateHint(details, host),
    { tls: details },
  );
}

function certificateHint(details: TlsDetails, host: string): LocalizedText {
  switch (details.verifyError) {
    case 'CERT_HAS_EXPIRED':
      return hints.certificateExpired(details.validTo);
    case 'CERT_NOT_YET_VALID':
      return hints.certificateNotYetValid();
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return hints.selfSigned();
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return hints.untrustedIssuer();
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return hints.hostNameMismatch(printable(host));
    case null:
    default:
      return hints.certificateUntrusted();
  }
}

function describeTls(details: TlsDetails): string {
  return (
    `${details.protocol ?? 'TLS'} ${details.cipher ?? ''}`.trimEnd() +
    `; ${describeCertificate(details)}; verified`
  );
}

function describeCertificate(details: TlsDetails): string {
  return [
    `certificate ${details.subject ?? '(none)'}`,
    `issued by ${details.issuer ?? '(unknown)'}`,
    `valid until ${details.validTo ?? '(unknown)'}`,
  ].join(', ');
}

function endpoint(address: string, port: number): string {
  return isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}
