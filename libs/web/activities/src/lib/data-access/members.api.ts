import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { MAX_PAGE_SIZE, type Page, type UserView } from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

/**
 * `GET /api/users`, which every user of the organization may read: the people an admin can add
 * as watchers. One page of the largest size the API allows.
 */
@Injectable({ providedIn: 'root' })
export class OrganizationMembersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Page<UserView>> {
    const params = new HttpParams().set('page', 1).set('pageSize', MAX_PAGE_SIZE);
    return this.http.get<Page<UserView>>(`${API_PREFIX}/users`, { params });
  }
}
