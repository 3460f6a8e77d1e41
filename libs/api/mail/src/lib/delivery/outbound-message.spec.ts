import { trustedOrganizationId } from '@mailroute/api/core';
import { OutboundEmail } from '../outbox/outbound-email.entity';
import type { CustomSmtpRoute, PlatformSmtpRoute } from '../routing/smtp-route';
import { outboundMessage } from './outbound-message';

const email = Object.assign(new OutboundEmail(), {
  id: 'e1',
  recipients: ['jane@example.com'],
  subject: 'Hello',
  textBody: 'text',
  htmlBody: '<p>html</p>',
  replyTo: null,
  headers: { 'Auto-Submitted': 'auto-generated' },
  messageId: '<e1@mailroute.test>',
});
const server = {
  host: 'smtp.acme.test',
  connectAddress: '203.0.113.5',
  port: 587,
  security: 'starttls' as const,
  username: 'u',
  password: 'p',
  caCertificate: null,
};
const custom: CustomSmtpRoute = {
  ...server,
  type: 'custom',
  organizationId: trustedOrganizationId('o1'),
  version: 'v1',
  sender: { address: 'notify@acme.test', name: 'Acme' },
  replyTo: 'dpo@acme.test',
  failurePolicy: 'hold',
};
const platform: PlatformSmtpRoute = {
  ...server,
  type: 'platform',
  sender: { address: 'notifications@mailroute.test', name: 'Mailroute' },
};

describe('outboundMessage', () => {
  it('sends from the organization’s validated sender, with its reply address and the stored Message-ID', () => {
    expect(outboundMessage(email, custom)).toMatchObject({
      from: { name: 'Acme', address: 'notify@acme.test' },
      replyTo: 'dpo@acme.test',
      messageId: '<e1@mailroute.test>',
      envelope: { from: 'notify@acme.test', to: ['jane@example.com'] },
      headers: { 'Auto-Submitted': 'auto-generated' },
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  });

  it('sends from the platform sender without an organization reply address on the platform route', () => {
    const message = outboundMessage(email, platform);
    expect(message.from).toEqual({ name: 'Mailroute', address: 'notifications@mailroute.test' });
    expect(message.replyTo).toBeUndefined();
  });

  it('prefers the email’s own reply address', () => {
    expect(outboundMessage({ ...email, replyTo: 'case-42@acme.test' } as OutboundEmail, custom).replyTo).toBe(
      'case-42@acme.test',
    );
  });
});
