import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AcceptedInvitation,
  AcceptInvitationRequest,
  CreateInvitationRequest,
  InvitationPreview,
  InvitationView,
  Page,
} from '@mailroute/shared/contracts';
import { API_PREFIX, type PageRequest } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const INVITATIONS = `${API_PREFIX}/invitations`;

/**
 * `/api/invitations`: admins send, list, resend and revoke them; the holder of a link previews and
 * accepts it without signing in (the token is the credential).
 */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  /** Pending and expired invitations (neither accepted nor revoked), newest first. */
  listOpen(request: PageRequest): Observable<Page<InvitationView>> {
    const params = new HttpParams().set('page', request.page).set('pageSize', request.pageSize);
    return this.http.get<Page<InvitationView>>(INVITATIONS, { params });
  }

  invite(request: CreateInvitationRequest): Observable<InvitationView> {
    return this.http.post<InvitationView>(INVITATIONS, request);
  }

  /** A new link, valid for another full period; the previous link stops working. */
  resend(id: string): Observable<InvitationView> {
    return this.http.post<InvitationView>(`${INVITATIONS}/${encodeURIComponent(id)}/resend`, {});
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`${INVITATIONS}/${encodeURIComponent(id)}`);
  }

  preview(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`${INVITATIONS}/${encodeURIComponent(token)}`);
  }

  accept(token: string, request: AcceptInvitationRequest): Observable<AcceptedInvitation> {
    return this.http.post<AcceptedInvitation>(`${INVITATIONS}/${encodeURIComponent(token)}/accept`, request);
  }
}
