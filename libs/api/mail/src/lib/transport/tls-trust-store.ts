import { createHash } from 'node:crypto';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { Injectable } from '@nestjs/common';

/** Distinct organization CAs whose context stays built; organizations rarely bring their own. */
const MAX_CUSTOM_CONTEXTS = 256;

/**
 * The TLS trust of every SMTP connection: Node's public roots, plus the route's own CA when it has
 * one, and TLS 1.2 at least. Building a context with a custom CA parses all ~140 public roots
 * again (about 20 ms of CPU and some native memory that the garbage collector does not see), so
 * one context per distinct CA is built once and shared by every transport and connection that
 * trusts it; the least recently used beyond the bound are dropped.
 */
@Injectable()
export class TlsTrustStore {
  private publicRoots: SecureContext | undefined;
  /** By SHA-256 of the PEM; least recently used first. */
  private readonly custom = new Map<string, SecureContext>();

  contextFor(caCertificate: string | null): SecureContext {
    if (!caCertificate) {
      this.publicRoots ??= createSecureContext({ minVersion: 'TLSv1.2' });
      return this.publicRoots;
    }
    const key = createHash('sha256').update(caCertificate).digest('hex');
    let context = this.custom.get(key);
    if (context === undefined) {
      // Node replaces its default roots when `ca` is given: keep them, and add the route's CA.
      context = createSecureContext({ minVersion: 'TLSv1.2', ca: [...rootCertificates, caCertificate] });
    }
    this.custom.delete(key);
    this.custom.set(key, context);
    if (this.custom.size > MAX_CUSTOM_CONTEXTS) {
      this.custom.delete(this.custom.keys().next().value as string);
    }
    return context;
  }

  /** Custom CA contexts built and kept right now. */
  customContexts(): number {
    return this.custom.size;
  }
}
