import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { EmailKind, EmailLogItem, EmailLogPage, EmailStatus } from '@mailroute/shared/contracts';
import { API_PATHS } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const EMAILS = `${API_PATHS.currentOrganization}/emails`;

export interface EmailLogQuery {
  status: EmailStatus | null;
  kind: EmailKind | null;
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
}

/** `/api/organizations/current/emails`: the organization's emails, newest first (admins only). */
@Injectable({ providedIn: 'root' })
export class EmailLogApi {
  private readonly http = inject(HttpClient);

  list(query: EmailLogQuery): Observable<EmailLogPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.status !== null) {
      params = params.set('status', query.status);
    }
    if (query.kind !== null) {
      params = params.set('kind', query.kind);
    }
    return this.http.get<EmailLogPage>(EMAILS, { params });
  }

  /** Queues a failed or held email again. */
  retry(id: string): Observable<EmailLogItem> {
    return this.http.post<EmailLogItem>(`${EMAILS}/${encodeURIComponent(id)}/retry`, {});
  }
}
