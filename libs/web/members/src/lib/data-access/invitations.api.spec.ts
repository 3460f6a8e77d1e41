import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { InvitationPreview, InvitationView, Page } from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { InvitationsApi } from './invitations.api';

const TOKEN = 'Zm9vYmFyYmF6cXV4LXRva2VuLW9mLWZvcnR5LXRocmVl';

const invitation: InvitationView = {
  id: 'i-1',
  email: 'grace@example.com',
  role: 'member',
  locale: null,
  status: 'pending',
  createdAt: '2025-01-01T00:00:00.000Z',
  sentAt: '2025-01-01T00:00:00.000Z',
  expiresAt: '2025-01-08T00:00:00.000Z',
  delivery: null,
};

describe('InvitationsApi', () => {
  let api: InvitationsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(InvitationsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists one page of the open invitations', async () => {
    const answer = firstValueFrom(api.listOpen({ page: 1, pageSize: 25 }));
    const request = http.expectOne((req) => req.url === '/api/invitations');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe('page=1&pageSize=25');
    const page: Page<InvitationView> = { items: [invitation], total: 1, page: 1, pageSize: 25 };
    request.flush(page);
    expect(await answer).toEqual(page);
  });

  it('invites with POST /api/invitations and the given body', async () => {
    const answer = firstValueFrom(api.invite({ email: 'grace@example.com', role: 'member', locale: 'fr' }));
    const request = http.expectOne('/api/invitations');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'grace@example.com', role: 'member', locale: 'fr' });
    request.flush(invitation, { status: 201, statusText: 'Created' });
    expect((await answer).id).toBe('i-1');
  });

  it('resends with POST /api/invitations/:id/resend and revokes with DELETE /api/invitations/:id', async () => {
    const resent = firstValueFrom(api.resend('i-1'));
    const resend = http.expectOne('/api/invitations/i-1/resend');
    expect(resend.request.method).toBe('POST');
    resend.flush(invitation);
    expect((await resent).id).toBe('i-1');

    const revoked = firstValueFrom(api.revoke('i-1'), { defaultValue: undefined });
    const revoke = http.expectOne('/api/invitations/i-1');
    expect(revoke.request.method).toBe('DELETE');
    revoke.flush(null, { status: 204, statusText: 'No Content' });
    await expect(revoked).resolves.toBeNull();
  });

  it('previews and accepts by the link’s token', async () => {
    const preview: InvitationPreview = {
      email: 'grace@example.com',
      role: 'admin',
      organizationName: 'Acme',
      locale: 'en',
      expiresAt: '2025-01-08T00:00:00.000Z',
      invitedBy: { name: 'Ada' },
    };
    const previewed = firstValueFrom(api.preview(TOKEN));
    const get = http.expectOne(`/api/invitations/${TOKEN}`);
    expect(get.request.method).toBe('GET');
    get.flush(preview);
    expect(await previewed).toEqual(preview);

    const accepted = firstValueFrom(api.accept(TOKEN, { name: 'Grace', password: 'correct horse battery' }));
    const post = http.expectOne(`/api/invitations/${TOKEN}/accept`);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ name: 'Grace', password: 'correct horse battery' });
    post.flush({
      user: { id: 'u-2', email: 'grace@example.com', name: 'Grace', role: 'admin' },
      organization: { id: 'o-1', name: 'Acme' },
    });
    expect((await accepted).user.id).toBe('u-2');
  });
});
