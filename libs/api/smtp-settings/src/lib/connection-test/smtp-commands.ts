import type { EhloCapabilities } from './ehlo-capabilities';

/**
 * The command lines of the test, built from values the caller validated, and checked again
 * here: a line break or an angle bracket in an address would let it add commands or parameters.
 */

const ADDRESS = /^[^\s<>()[\]\\,;:"\p{Cc}]+@[^\s<>()\\,;:"@\p{Cc}]+$/u;
const NON_ASCII = /[^\x20-\x7e]/;

export class UnsafeAddressError extends Error {
  constructor(readonly role: 'sender' | 'recipient') {
    super(`The ${role} address cannot be used in an SMTP command`);
    this.name = 'UnsafeAddressError';
  }
}

/** Whether an address needs the SMTPUTF8 extension (RFC 6531): non-ASCII in the local part or domain. */
export function needsSmtpUtf8(address: string): boolean {
  return NON_ASCII.test(address);
}

export function mailFromCommand(
  sender: string,
  message: { bytes: number; eightBit: boolean; smtpUtf8: boolean },
  capabilities: Pick<EhloCapabilities, 'size' | 'eightBitMime'>,
): string {
  assertSafeAddress(sender, 'sender');
  const params: string[] = [];
  // RFC 1870: declaring the size lets the server refuse an oversized message before DATA.
  if (capabilities.size) {
    params.push(`SIZE=${message.bytes}`);
  }
  if (message.eightBit && capabilities.eightBitMime) {
    params.push('BODY=8BITMIME');
  }
  if (message.smtpUtf8) {
    params.push('SMTPUTF8');
  }
  return [`MAIL FROM:<${sender}>`, ...params].join(' ');
}

export function rcptToCommand(recipient: string): string {
  assertSafeAddress(recipient, 'recipient');
  return `RCPT TO:<${recipient}>`;
}

/** RFC 4616: `authzid NUL authcid NUL passwd`, with an empty authorization identity. */
export function plainAuthToken(username: string, password: string): string {
  return Buffer.from(`\u0000${username}\u0000${password}`, 'utf8').toString('base64');
}

/** One value of the LOGIN mechanism's exchange (draft-murchison-sasl-login). */
export function loginAuthValue(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

function assertSafeAddress(address: string, role: 'sender' | 'recipient'): void {
  if (address.length > 320 || !ADDRESS.test(address)) {
    throw new UnsafeAddressError(role);
  }
}
