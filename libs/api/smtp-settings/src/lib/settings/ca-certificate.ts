import { X509Certificate } from 'node:crypto';
import type { CaCertificateSummary } from '@mailroute/shared/contracts';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM bundle (one CA or a chain), or null when the text is not only PEM
 * certificates that parse.
 */
export function parseCaBundle(pem: string): X509Certificate[] | null {
  const blocks = pem.match(PEM_BLOCK);
  if (!blocks || pem.replace(PEM_BLOCK, '').trim() !== '') {
    return null;
  }
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch {
    return null;
  }
}

/** What the API shows of a stored CA certificate: its subject and expiry, never the PEM itself. */
export function summarizeCaCertificate(pem: string | null): CaCertificateSummary | null {
  const first = pem ? parseCaBundle(pem)?.[0] : undefined;
  if (!first) {
    return null;
  }
  return { subject: first.subject.replace(/\n/g, ', '), validTo: new Date(first.validTo).toISOString() };
}
