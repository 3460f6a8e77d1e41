import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import type { CurrentUserView, LoginRequest } from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../api/auth.api';
import { CurrentUserApi } from '../api/current-user.api';
import { SessionService } from '../session/session.service';
import { LOGIN_PATH } from './login-redirect';

/** Signing in and out. Errors are the API's `HttpErrorResponse`s, left for the caller to explain. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly authApi = inject(AuthApi);
  private readonly currentUserApi = inject(CurrentUserApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);

  /** Exchanges the credentials for a token, keeps it, then loads who signed in. */
  async login(credentials: LoginRequest): Promise<CurrentUserView> {
    const response = await firstValueFrom(this.authApi.login(credentials));
    this.session.start(response);
    return this.loadCurrentUser();
  }

  async loadCurrentUser(): Promise<CurrentUserView> {
    const user = await firstValueFrom(this.currentUserApi.get());
    this.session.setCurrentUser(user);
    return user;
  }

  /** Forgets the token (the API keeps no server-side session to revoke) and shows the login page. */
  logout(): Promise<boolean> {
    this.session.clear();
    return this.router.navigate(['/', LOGIN_PATH]);
  }
}
