import type { LocalizedText } from '@mailroute/shared/contracts';
import { connectionTestHints as hints } from './connection-test-hints';

const every: [string, LocalizedText][] = [
  ['connectionRefused', hints.connectionRefused(587)],
  ['hostUnreachable', hints.hostUnreachable()],
  ['connectTimeout 25', hints.connectTimeout(25)],
  ['connectTimeout', hints.connectTimeout(587)],
  ['connectionClosed', hints.connectionClosed()],
  ['plaintextServer 587', hints.plaintextServer(587)],
  ['plaintextServer', hints.plaintextServer(4650)],
  ['implicitTlsExpected 465', hints.implicitTlsExpected(465)],
  ['implicitTlsExpected', hints.implicitTlsExpected(2465)],
  ['tlsVersionTooOld', hints.tlsVersionTooOld()],
  ['tlsHandshakeFailed tls', hints.tlsHandshakeFailed('tls')],
  ['tlsHandshakeFailed starttls', hints.tlsHandshakeFailed('starttls')],
  ['noStartTls', hints.noStartTls(25)],
  ['startTlsRefused', hints.startTlsRefused()],
  ['dataBeforeTls', hints.dataBeforeTls()],
  ['selfSigned', hints.selfSigned()],
  ['untrustedIssuer', hints.untrustedIssuer()],
  ['certificateExpired', hints.certificateExpired('2024-05-01T12:00:00.000Z')],
  ['certificateExpired no date', hints.certificateExpired(null)],
  ['certificateNotYetValid', hints.certificateNotYetValid()],
  ['hostNameMismatch', hints.hostNameMismatch('smtp.example.com')],
  ['certificateUntrusted', hints.certificateUntrusted()],
  ['invalidCaCertificate', hints.invalidCaCertificate()],
  ['greetingRefused', hints.greetingRefused()],
  ['temporarilyUnavailable', hints.temporarilyUnavailable()],
  ['notSmtp', hints.notSmtp('tls', 25)],
  ['ehloRefused', hints.ehloRefused()],
  ['authNotOffered', hints.authNotOffered()],
  ['authMechanismsUnsupported', hints.authMechanismsUnsupported(['CRAM-MD5'])],
  ['wrongCredentials', hints.wrongCredentials()],
  ['authMethodRefused', hints.authMethodRefused()],
  ['authNeedsEncryption', hints.authNeedsEncryption()],
  ['authTemporary', hints.authTemporary()],
  ['authFailed', hints.authFailed()],
  ['senderRefused', hints.senderRefused()],
  ['senderNeedsAuth', hints.senderNeedsAuth()],
  ['smtpUtf8Unsupported', hints.smtpUtf8Unsupported()],
  ['messageTooLarge', hints.messageTooLarge(1000)],
  ['recipientRefused', hints.recipientRefused()],
  ['messageRefused', hints.messageRefused()],
  ['stepTimeout', hints.stepTimeout()],
  ['deadlineExceeded', hints.deadlineExceeded()],
  ['unexpected', hints.unexpected()],
];

describe('connectionTestHints', () => {
  it('covers every hint in this table', () => {
    const covered = new Set(every.map(([name]) => name.split(' ')[0]));
    expect([...covered].sort()).toEqual(Object.keys(hints).sort());
  });

  it.each(every)('%s is short, in English and French, with French punctuation spacing', (_name, hint) => {
    expect(hint.en.length).toBeGreaterThan(20);
    expect(hint.fr.length).toBeGreaterThan(20);
    expect(hint.en.length).toBeLessThanOrEqual(240);
    expect(hint.fr.length).toBeLessThanOrEqual(260);
    expect(hint.fr).not.toBe(hint.en);
    // French puts a no-break space before `:` and `;`, never a plain one or none.
    expect(hint.fr).not.toMatch(/[^\u00a0][:;](\s|$)/);
  });

  it('tells which security mode the usual ports need', () => {
    expect(hints.implicitTlsExpected(465).en).toContain('Port 465 needs implicit TLS');
    expect(hints.plaintextServer(587).en).toContain('port 587 usually needs STARTTLS');
    expect(hints.plaintextServer(25).en).toContain('port 25 usually needs STARTTLS');
  });

  it('dates an expired certificate', () => {
    expect(hints.certificateExpired('2024-05-01T12:00:00.000Z')).toEqual({
      en: expect.stringContaining('expired on 2024-05-01'),
      fr: expect.stringContaining('expiré le 2024-05-01'),
    });
  });

  it('points a refused sign-in at the mailbox setting that usually causes it', () => {
    expect(hints.wrongCredentials().en).toContain('Microsoft 365 needs SMTP AUTH enabled per mailbox');
  });

  it('says the sender address is not validated when the sender is refused', () => {
    expect(hints.senderRefused().en).toContain('has not validated this sender address');
  });
});
