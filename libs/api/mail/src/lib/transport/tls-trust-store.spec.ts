import { TlsTrustStore } from './tls-trust-store';
import { createTestCertificate } from '@mailroute/testing';

describe('TlsTrustStore', () => {
  it('builds the public-roots context once for every route without a CA of its own', () => {
    const store = new TlsTrustStore();
    expect(store.contextFor(null)).toBe(store.contextFor(null));
    expect(store.customContexts()).toBe(0);
  });

  it('shares one context per distinct CA, and keeps different CAs apart', async () => {
    const store = new TlsTrustStore();
    const [first, second] = await Promise.all([createTestCertificate(), createTestCertificate()]);
    const context = store.contextFor(first.cert);
    expect(store.contextFor(first.cert)).toBe(context);
    expect(store.contextFor(second.cert)).not.toBe(context);
    expect(store.contextFor(null)).not.toBe(context);
    expect(store.customContexts()).toBe(2);
  });
});
