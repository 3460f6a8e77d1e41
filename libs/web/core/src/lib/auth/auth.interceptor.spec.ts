import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../session/session.service';
import { authInterceptor } from './auth.interceptor';

@Component({ template: '' })
class BlankPage {}

describe('authInterceptor', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;
  let session: SessionService;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: BlankPage },
          { path: 'general-settings/organization', component: BlankPage },
        ]),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionService);
    router = TestBed.inject(Router);
  });

  afterEach(() => httpMock.verify());

  it('sends the bearer token with API requests', async () => {
    session.start({ accessToken: 'token-1', expiresIn: 900 });

    const answer = firstValueFrom(http.get('/api/me'));
    const request = httpMock.expectOne('/api/me');
    request.flush({});
    await answer;

    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('keeps the token away from requests outside /api', async () => {
    session.start({ accessToken: 'token-1', expiresIn: 900 });

    const answer = firstValueFrom(http.get('https://elsewhere.example/api/me'));
    const request = httpMock.expectOne('https://elsewhere.example/api/me');
    request.flush({});
    await answer;

    expect(request.request.headers.has('Authorization')).toBe(false);
  });

  it('drops the session and opens the login page with the return URL on a 401', async () => {
    await router.navigateByUrl('/general-settings/organization');
    session.start({ accessToken: 'expired-on-server', expiresIn: 900 });

    const answer = firstValueFrom(http.get('/api/me'));
    httpMock
      .expectOne('/api/me')
      .flush(
        { statusCode: 401, code: 'unauthorized', message: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );

    await expect(answer).rejects.toBeInstanceOf(HttpErrorResponse);
    await TestBed.inject(ApplicationRef).whenStable();
    expect(session.token()).toBeNull();
    expect(router.url).toBe('/login?returnUrl=%2Fgeneral-settings%2Forganization');
  });

  it('leaves a rejected login to the login page: no redirect, no token sent', async () => {
    await router.navigateByUrl('/login');

    const answer = firstValueFrom(
      http.post('/api/auth/login', { email: 'a@example.com', password: 'wrong' }),
    );
    const request = httpMock.expectOne('/api/auth/login');
    request.flush(
      { statusCode: 401, code: 'invalid_credentials', message: 'Invalid credentials' },
      { status: 401, statusText: 'Unauthorized' },
    );

    await expect(answer).rejects.toBeInstanceOf(HttpErrorResponse);
    await TestBed.inject(ApplicationRef).whenStable();
    expect(request.request.headers.has('Authorization')).toBe(false);
    expect(router.url).toBe('/login');
  });
});
