import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { startTestSmtpServer } from '../smtp/test-smtp-server';
import { TestSmtpServer } from '../smtp/test-smtp-server.types';
import { createTestCertificate, defaultTestCertificate } from './test-certificate';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

describe('test certificates', () => {
  it('makes the default certificate once per process, for localhost and 127.0.0.1', async () => {
    const first = await defaultTestCertificate();
    expect(await defaultTestCertificate()).toBe(first);
    const x509 = new X509Certificate(first.cert);
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(x509.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
  });

  it('creates a certificate with the asked names and validity', async () => {
    const notBefore = new Date('2030-01-01T00:00:00Z');
    const notAfter = new Date('2031-01-01T00:00:00Z');
    const { cert } = await createTestCertificate({
      commonName: 'smtp.mailroute.test',
      altNames: ['smtp.mailroute.test', '::1'],
      notBefore,
      notAfter,
    });
    const x509 = new X509Certificate(cert);
    expect(x509.subject).toBe('CN=smtp.mailroute.test');
    expect(x509.subjectAltName).toBe('DNS:smtp.mailroute.test, IP Address:0:0:0:0:0:0:0:1');
    expect(new Date(x509.validFrom)).toEqual(notBefore);
    expect(new Date(x509.validTo)).toEqual(notAfter);
  });

  it('refuses a validity that ends before it starts', async () => {
    await expect(
      createTestCertificate({ notBefore: new Date('2030-01-02'), notAfter: new Date('2030-01-01') }),
    ).rejects.toThrow('must be later than notBefore');
  });

  describe('an expired certificate', () => {
    let server: TestSmtpServer;
    const expiredOn = new Date(Date.now() - YEAR_MS);

    beforeAll(async () => {
      const certificate = await createTestCertificate({
        notBefore: new Date(expiredOn.getTime() - YEAR_MS),
        notAfter: expiredOn,
      });
      server = await startTestSmtpServer({ security: 'tls', certificate });
    });

    afterAll(async () => {
      await server.close();
    });

    it('fails verification even for a client that trusts it, reporting the expiry', async () => {
      const client = createTransport({
        host: server.host,
        port: server.port,
        secure: true,
        tls: { ca: server.ca, servername: 'localhost' },
      });
      await expect(
        client.sendMail({ from: 'a@mailroute.test', to: 'b@example.test', text: 'x' }),
      ).rejects.toMatchObject({
        message: expect.stringContaining('certificate has expired'),
      });
      expect(new Date(new X509Certificate(server.ca).validTo).getTime()).toBe(
        Math.floor(expiredOn.getTime() / 1000) * 1000,
      );
    });
  });
});
