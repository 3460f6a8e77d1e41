import { TestBed } from '@angular/core/testing';
import { NOW } from '@mailroute/web/i18n';
import { SessionService } from './session.service';

const SESSION_KEY = 'mailroute.session';

describe('SessionService', () => {
  let now: number;

  beforeEach(() => {
    localStorage.clear();
    now = Date.UTC(2025, 0, 1, 12);
    TestBed.configureTestingModule({ providers: [{ provide: NOW, useValue: () => now }] });
  });

  it('drops a stored token that expired while the app was closed', () => {
    localStorage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'old', expiresAt: now - 1 }));

    const session = TestBed.inject(SessionService);

    expect(session.token()).toBeNull();
    expect(session.validToken()).toBeNull();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('restores a stored token that is still valid', () => {
    localStorage.setItem(SESSION_KEY, JSON.stringify({ accessToken: 'fresh', expiresAt: now + 60_000 }));

    const session = TestBed.inject(SessionService);

    expect(session.validToken()).toBe('fresh');
    expect(session.isAuthenticated()).toBe(true);
  });

  it('keeps the token with its expiry and drops it once the expiry has passed', () => {
    const session = TestBed.inject(SessionService);
    session.start({ accessToken: 'abc', expiresIn: 900 });

    expect(JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null')).toEqual({
      accessToken: 'abc',
      expiresAt: now + 900_000,
    });
    now += 899_000;
    expect(session.validToken()).toBe('abc');

    now += 1_000;
    expect(session.validToken()).toBeNull();
    expect(session.isAuthenticated()).toBe(false);
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('treats an unreadable stored session as signed out', () => {
    localStorage.setItem(SESSION_KEY, '{not json');

    expect(TestBed.inject(SessionService).validToken()).toBeNull();
  });

  it('forgets the token and the user on clear', () => {
    const session = TestBed.inject(SessionService);
    session.start({ accessToken: 'abc', expiresIn: 900 });
    session.setCurrentUser({
      id: 'u1',
      email: 'ada@example.com',
      name: 'Ada',
      role: 'admin',
      locale: null,
      organization: { id: 'o1', name: 'Acme', defaultLocale: 'en' },
    });

    session.clear();

    expect(session.token()).toBeNull();
    expect(session.currentUser()).toBeNull();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });
});
