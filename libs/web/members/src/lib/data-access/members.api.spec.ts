import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { UserView } from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { MembersApi } from './members.api';

const ada: UserView = {
  id: 'u-1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'admin',
  createdAt: '2025-01-01T00:00:00.000Z',
};

describe('MembersApi', () => {
  let api: MembersApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(MembersApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('changes a role with PATCH /api/users/:id and answers the updated member', async () => {
    const answer = firstValueFrom(api.changeRole('u-1', 'member'));
    const request = http.expectOne('/api/users/u-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ role: 'member' });
    request.flush({ ...ada, role: 'member' });
    expect((await answer).role).toBe('member');
  });

  it('removes a member with DELETE /api/users/:id', async () => {
    const answer = firstValueFrom(api.remove('u-1'), { defaultValue: undefined });
    const request = http.expectOne('/api/users/u-1');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await expect(answer).resolves.toBeNull();
  });
});
