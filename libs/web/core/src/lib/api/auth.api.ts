import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LoginRequest, LoginResponse } from '@mailroute/shared/contracts';
import type { Observable } from 'rxjs';
import { API_PATHS } from './api-paths';

/** `POST /api/auth/login`. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(request: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(API_PATHS.login, request);
  }
}
