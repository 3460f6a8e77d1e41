import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAX_PAGE_SIZE, type Page, type UserView } from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { OrganizationMembersApi } from './organization-members.api';

const max: UserView = {
  id: 'u2',
  email: 'max@example.com',
  name: 'Max',
  role: 'member',
  createdAt: '2030-01-01T00:00:00Z',
};

describe('OrganizationMembersApi', () => {
  let http: HttpTestingController;
  let api: OrganizationMembersApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(OrganizationMembersApi);
  });

  afterEach(() => http.verify());

  it('reads the first page of the largest size the API gives, unless told a page', async () => {
    const page: Page<UserView> = { items: [max], total: 1, page: 1, pageSize: MAX_PAGE_SIZE };
    const answer = firstValueFrom(api.list());

    http.expectOne({ method: 'GET', url: `/api/users?page=1&pageSize=${MAX_PAGE_SIZE}` }).flush(page);

    expect(await answer).toEqual(page);
  });

  it('asks for the page it is given, 1-based', async () => {
    const page: Page<UserView> = { items: [max], total: 26, page: 2, pageSize: 25 };
    const answer = firstValueFrom(api.list({ page: 2, pageSize: 25 }));

    http.expectOne({ method: 'GET', url: '/api/users?page=2&pageSize=25' }).flush(page);

    expect(await answer).toEqual(page);
  });
});
