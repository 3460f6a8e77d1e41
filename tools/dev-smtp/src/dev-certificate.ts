import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { createTestCertificate, TestCertificate } from '@mailroute/testing';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A certificate this close to expiry is replaced at start rather than left to expire mid-session. */
const RENEW_BEFORE_MS = 7 * DAY_MS;

/** The names a client may use to reach the catcher listening on `host`. */
export function certificateNames(host: string): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  return [...new Set(['localhost', '127.0.0.1', ...(wildcard ? [] : [host])])];
}

/**
 * Whether a stored certificate can be used again: it parses, belongs to the key, is valid now
 * and for another week, and covers every name in `names`.
 */
export function isReusable(certificate: TestCertificate, names: string[], now: Date): boolean {
  try {
    const x509 = new X509Certificate(certificate.cert);
    const covered = (x509.subjectAltName ?? '').split(', ');
    return (
      x509.checkPrivateKey(createPrivateKey(certificate.key)) &&
      new Date(x509.validFrom).getTime() <= now.getTime() &&
      new Date(x509.validTo).getTime() - now.getTime() > RENEW_BEFORE_MS &&
      names.every((name) => covered.includes(isIP(name) ? `IP Address:${name}` : `DNS:${name}`))
    );
  } catch {
    return false;
  }
}

/**
 * The catcher's certificate: the one stored in `dataDir` while it stays usable, else a new one,
 * written there. Keeping it across restarts lets developers trust the CA file once.
 */
export async function loadOrCreateCertificate(
  dataDir: string,
  host: string,
  now = new Date(),
): Promise<{ certificate: TestCertificate; caFile: string; status: 'reused' | 'created' | 'replaced' }> {
  const caFile = join(dataDir, 'cert.pem');
  const keyFile = join(dataDir, 'key.pem');
  const names = certificateNames(host);
  const stored = await readPair(caFile, keyFile);
  if (stored && isReusable(stored, names, now)) {
    return { certificate: stored, caFile, status: 'reused' };
  }
  const certificate = await createTestCertificate({ commonName: 'localhost', altNames: names });
  await mkdir(dataDir, { recursive: true });
  await writeAtomically(keyFile, certificate.key, 0o600);
  await writeAtomically(caFile, certificate.cert, 0o644);
  return { certificate, caFile, status: stored ? 'replaced' : 'created' };
}

async function readPair(certFile: string, keyFile: string): Promise<TestCertificate | undefined> {
  try {
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
  } catch {
    return undefined;
  }
}

async function writeAtomically(file: string, content: string, mode: number): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, file);
}
