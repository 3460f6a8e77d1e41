import { computed, inject, Injectable, signal } from '@angular/core';
import type { CurrentUserView, LoginResponse } from '@mailroute/shared/contracts';
import { NOW, readStorage, WEB_STORAGE, writeStorage } from '@mailroute/web/i18n';

/** What survives a reload: the bearer token and when it stops being accepted. */
interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const SESSION_KEY = 'mailroute.session';

function parseStoredSession(raw: string | null): StoredSession | null {
  if (raw === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      'accessToken' in value &&
      'expiresAt' in value &&
      typeof value.accessToken === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      return { accessToken: value.accessToken, expiresAt: value.expiresAt };
    }
  } catch {
    // Written by something else or truncated: treat as signed out.
  }
  return null;
}

/**
 * Who is signed in: the bearer token (kept in localStorage with its expiry) and the current user.
 * State only; `AuthService` talks to the API.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly storage = inject(WEB_STORAGE);
  private readonly now = inject(NOW);

  private readonly session = signal<StoredSession | null>(this.restore());
  private readonly user = signal<CurrentUserView | null>(null);

  /** The token as stored; use `validToken()` when sending it, which also checks the expiry. */
  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly isAuthenticated = computed(() => this.session() !== null);
  readonly currentUser = this.user.asReadonly();
  readonly isAdmin = computed(() => this.user()?.role === 'admin');

  /** The token if it has not expired yet; an expired token is dropped and `null` returned. */
  validToken(): string | null {
    const session = this.session();
    if (session === null) {
      return null;
    }
    if (session.expiresAt <= this.now()) {
      this.clear();
      return null;
    }
    return session.accessToken;
  }

  /** Starts a session from the login answer, replacing any previous one. */
  start(response: LoginResponse): void {
    const session: StoredSession = {
      accessToken: response.accessToken,
      expiresAt: this.now() + response.expiresIn * 1000,
    };
    writeStorage(this.storage, SESSION_KEY, JSON.stringify(session));
    this.session.set(session);
    this.user.set(null);
  }

  setCurrentUser(user: CurrentUserView): void {
    this.user.set(user);
  }

  clear(): void {
    writeStorage(this.storage, SESSION_KEY, null);
    this.session.set(null);
    this.user.set(null);
  }

  private restore(): StoredSession | null {
    const stored = parseStoredSession(readStorage(this.storage, SESSION_KEY));
    if (stored === null || stored.expiresAt <= this.now()) {
      writeStorage(this.storage, SESSION_KEY, null);
      return null;
    }
    return stored;
  }
}
