import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, Role, UpdateMemberRequest, UserView } from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const USERS = `${API_PREFIX}/users`;

/** 1-based, as the API counts. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

export function pageParams(request: PageRequest): HttpParams {
  return new HttpParams().set('page', request.page).set('pageSize', request.pageSize);
}

/** `/api/users`: the organization's members. Everyone lists them; only admins change or remove them. */
@Injectable({ providedIn: 'root' })
export class MembersApi {
  private readonly http = inject(HttpClient);

  list(request: PageRequest): Observable<Page<UserView>> {
    return this.http.get<Page<UserView>>(USERS, { params: pageParams(request) });
  }

  changeRole(id: string, role: Role): Observable<UserView> {
    const body: UpdateMemberRequest = { role };
    return this.http.patch<UserView>(`${USERS}/${encodeURIComponent(id)}`, body);
  }

  /** Their access tokens stop working at once. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${USERS}/${encodeURIComponent(id)}`);
  }
}
