import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { MAX_PAGE_SIZE, type Page, type UserView } from '@mailroute/shared/contracts';
import type { Observable } from 'rxjs';
import { API_PREFIX } from './api-paths';

/** One page of a list, 1-based as the API counts. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** The first page of the largest size the API allows: what a member picker offers. */
export const LARGEST_FIRST_PAGE: PageRequest = { page: 1, pageSize: MAX_PAGE_SIZE };

/**
 * `GET /api/users`, which every user of the organization may read: its members, for the members
 * page and for the pickers of other features (a task's assignee, an activity's watchers).
 */
@Injectable({ providedIn: 'root' })
export class OrganizationMembersApi {
  private readonly http = inject(HttpClient);

  /** One page of the members; by default the first page of the largest size the API allows. */
  list(request: PageRequest = LARGEST_FIRST_PAGE): Observable<Page<UserView>> {
    const params = new HttpParams().set('page', request.page).set('pageSize', request.pageSize);
    return this.http.get<Page<UserView>>(`${API_PREFIX}/users`, { params });
  }
}
