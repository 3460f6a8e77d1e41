import { seedOrganization, type SeededOrganization, signIn } from '@mailroute/api/core/testing';
import { startTestSmtpServer, type TestSmtpServer } from '@mailroute/testing';
import { customRouteTo } from './in-memory-route-source';
import {
  type MailTestHarness,
  type PlatformSmtpTestApiOptions,
  startMailTestHarness,
} from './mail-test-harness';

/** How Acme's custom route signs in to Acme's own server. */
export const ACME_SMTP_USER = { username: 'acme', password: 'acme-smtp-password' };

export interface TwoOrganizationsHarness extends MailTestHarness {
  /** Acme's own SMTP server (implicit TLS, ACME_SMTP_USER), its custom route set in `routes`. */
  acmeServer: TestSmtpServer;
  /** "Acme", English, sends through `acmeServer`. */
  acme: SeededOrganization;
  /** "Globex", French, sends through the platform. */
  globex: SeededOrganization;
  /** Bearer tokens of the admin and member of each organization. */
  tokens: Record<'acmeAdmin' | 'acmeMember' | 'globexAdmin' | 'globexMember', string>;
}

/**
 * The mail test harness with the modules given and two tenants to tell apart: Acme on its own
 * TLS test server through the in-memory route source, Globex on the platform; their admins and
 * members signed in.
 */
export async function startTwoOrganizationsHarness(
  options: PlatformSmtpTestApiOptions & { acmeRoute: { sender: string; replyTo?: string } },
): Promise<TwoOrganizationsHarness> {
  const { acmeRoute, ...harnessOptions } = options;
  const acmeServer = await startTestSmtpServer({ security: 'tls', users: [ACME_SMTP_USER] });
  let harness: MailTestHarness | undefined;
  try {
    harness = await startMailTestHarness(harnessOptions);
    const { app, baseUrl } = harness.api;
    const acme = await seedOrganization(app, 'acme', { name: 'Acme', defaultLocale: 'en' });
    const globex = await seedOrganization(app, 'globex', { name: 'Globex', defaultLocale: 'fr' });
    harness.routes.set(
      customRouteTo(acmeServer, { organizationId: acme.id, ...ACME_SMTP_USER, ...acmeRoute }),
    );
    const [acmeAdmin, acmeMember, globexAdmin, globexMember] = await Promise.all([
      signIn(baseUrl, acme.admin),
      signIn(baseUrl, acme.member),
      signIn(baseUrl, globex.admin),
      signIn(baseUrl, globex.member),
    ]);
    const started = harness;
    return {
      ...started,
      acmeServer,
      acme,
      globex,
      tokens: { acmeAdmin, acmeMember, globexAdmin, globexMember },
      close: async () => {
        await started.close();
        await acmeServer.close();
      },
    };
  } catch (error) {
    await harness?.close();
    await acmeServer.close();
    throw error;
  }
}
