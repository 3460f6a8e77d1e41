import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUserView } from '@mailroute/shared/contracts';
import { SessionService } from '../session/session.service';
import { adminGuard, authGuard } from './auth.guards';
import { authInterceptor } from './auth.interceptor';

@Component({ template: 'page' })
class BlankPage {}

const member: CurrentUserView = {
  id: 'u1',
  email: 'max@example.com',
  name: 'Max',
  role: 'member',
  locale: null,
  organization: { id: 'o1', name: 'Acme', defaultLocale: 'en' },
};

/** The guard asks for the user a few ticks into the navigation: poll for the request, bounded. */
async function pendingRequest(httpMock: HttpTestingController, url: string): Promise<TestRequest> {
  for (let tick = 0; tick < 50; tick++) {
    const [request] = httpMock.match(url);
    if (request) {
      return request;
    }
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error(`No request to ${url}`);
}

describe('authGuard and adminGuard', () => {
  let httpMock: HttpTestingController;
  let session: SessionService;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: BlankPage },
          {
            path: '',
            canActivate: [authGuard],
            children: [
              { path: 'general-settings', component: BlankPage },
              { path: 'admin-only', canActivate: [adminGuard], component: BlankPage },
            ],
          },
        ]),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionService);
  });

  afterEach(() => httpMock.verify());

  it('sends a signed-out visitor to the login page with the URL they asked for', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/general-settings');

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fgeneral-settings');
  });

  it('loads the current user before letting a signed-in user in', async () => {
    session.start({ accessToken: 't', expiresIn: 900 });
    const harness = await RouterTestingHarness.create();

    const navigation = harness.navigateByUrl('/general-settings');
    (await pendingRequest(httpMock, '/api/me')).flush(member);
    await navigation;

    expect(TestBed.inject(Router).url).toBe('/general-settings');
    expect(session.currentUser()).toEqual(member);
  });

  it('keeps members out of admin-only pages', async () => {
    session.start({ accessToken: 't', expiresIn: 900 });
    session.setCurrentUser(member);
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/admin-only');

    expect(TestBed.inject(Router).url).toBe('/general-settings');
  });
});
