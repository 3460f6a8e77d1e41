import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CurrentUserView } from '@mailroute/shared/contracts';
import type { Observable } from 'rxjs';
import { API_PATHS } from './api-paths';

/** `GET /api/me`: the signed-in user and their organization. */
@Injectable({ providedIn: 'root' })
export class CurrentUserApi {
  private readonly http = inject(HttpClient);

  get(): Observable<CurrentUserView> {
    return this.http.get<CurrentUserView>(API_PATHS.currentUser);
  }
}
