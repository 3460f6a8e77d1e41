import { isIP } from 'node:net';
import { generate } from 'selfsigned';

/** A private key and its self-signed certificate, both PEM. The certificate is its own CA. */
export interface TestCertificate {
  key: string;
  cert: string;
}

/** Options of {@link createTestCertificate}. */
export interface TestCertificateOptions {
  /** Subject common name. Default `localhost`. */
  commonName?: string;
  /** DNS names and IP addresses the certificate is valid for. Default `['localhost', '127.0.0.1']`. */
  altNames?: string[];
  /** Start of validity. Default one day ago, so clock skew between processes does not matter. */
  notBefore?: Date;
  /** End of validity. Default 365 days after `notBefore`; a date in the past makes an expired certificate. */
  notAfter?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a self-signed RSA 2048 / SHA-256 certificate for a test TLS server. A client verifies it
 * only when it trusts `cert` as a CA (`tls.ca`), which is exactly what tests of certificate
 * verification need. Takes a few hundred milliseconds: reuse {@link defaultTestCertificate} where
 * the details do not matter.
 */
export async function createTestCertificate(options: TestCertificateOptions = {}): Promise<TestCertificate> {
  const commonName = options.commonName ?? 'localhost';
  const altNames = options.altNames ?? ['localhost', '127.0.0.1'];
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY_MS);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY_MS);
  if (notAfter.getTime() <= notBefore.getTime()) {
    throw new Error(
      `notAfter (${notAfter.toISOString()}) must be later than notBefore (${notBefore.toISOString()})`,
    );
  }
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [
      // A self-signed certificate that is trusted through `ca` acts as its own CA.
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: altNames.map((name) =>
          isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name },
        ),
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

// One certificate per process: key generation is the slowest step of starting a test server.
let defaultCertificate: Promise<TestCertificate> | undefined;

/**
 * The shared certificate for `localhost` and 127.0.0.1, valid from yesterday for a year,
 * generated on first use and reused for the rest of the process.
 */
export function defaultTestCertificate(): Promise<TestCertificate> {
  if (!defaultCertificate) {
    defaultCertificate = createTestCertificate().catch((error: unknown) => {
      defaultCertificate = undefined;
      throw error;
    });
  }
  return defaultCertificate;
}
