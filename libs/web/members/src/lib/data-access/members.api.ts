import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Role, UpdateMemberRequest, UserView } from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const USERS = `${API_PREFIX}/users`;

/**
 * `/api/users/:id`: only admins change or remove a member. Everyone lists them
 * (OrganizationMembersApi of web/core).
 */
@Injectable({ providedIn: 'root' })
export class MembersApi {
  private readonly http = inject(HttpClient);

  changeRole(id: string, role: Role): Observable<UserView> {
    const body: UpdateMemberRequest = { role };
    return this.http.patch<UserView>(`${USERS}/${encodeURIComponent(id)}`, body);
  }

  /** Their access tokens stop working at once. */
  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${USERS}/${encodeURIComponent(id)}`);
  }
}
