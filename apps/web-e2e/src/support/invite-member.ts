import type { LoginResponse } from '@mailroute/shared/contracts';
import { waitForPlatformEmail } from './mailbox';

interface Account {
  email: string;
  password: string;
}

async function call(baseUrl: string, path: string, init: RequestInit, token?: string): Promise<Response> {
  const answer = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
  });
  if (!answer.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path} answered ${answer.status}: ${await answer.text()}`);
  }
  return answer;
}

/**
 * Adds a member to the admin's organization the way a person joins: the admin invites them, the
 * invitation email arrives on the platform route, and its link's token accepts it.
 */
export async function inviteMember(
  baseUrl: string,
  admin: Account,
  member: Account & { name: string },
): Promise<void> {
  const login = (await (
    await call(baseUrl, '/api/auth/login', { method: 'POST', body: JSON.stringify(admin) })
  ).json()) as LoginResponse;
  await call(
    baseUrl,
    '/api/invitations',
    { method: 'POST', body: JSON.stringify({ email: member.email, role: 'member' }) },
    login.accessToken,
  );
  const invitation = await waitForPlatformEmail({ to: member.email });
  const link = invitation.links.find((candidate) => new URL(candidate).pathname.startsWith('/invitations/'));
  if (link === undefined) {
    throw new Error(
      `The invitation email to ${member.email} has no invitation link: ${invitation.links.join(', ')}`,
    );
  }
  const token = new URL(link).pathname.split('/').pop() ?? '';
  await call(baseUrl, `/api/invitations/${token}/accept`, {
    method: 'POST',
    body: JSON.stringify({ name: member.name, password: member.password }),
  });
}
