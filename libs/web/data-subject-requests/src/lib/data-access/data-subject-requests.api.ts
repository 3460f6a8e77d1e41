import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateDataSubjectRequestInput,
  DataSubjectRequestDetail,
  DataSubjectRequestMessageView,
  DataSubjectRequestView,
  Page,
  SendDataSubjectMessageInput,
} from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const REQUESTS = `${API_PREFIX}/data-subject-requests`;

export interface RequestListQuery {
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
}

/** `/api/data-subject-requests`: the organization's rights requests and their threads (any user). */
@Injectable({ providedIn: 'root' })
export class DataSubjectRequestsApi {
  private readonly http = inject(HttpClient);

  /** Most recently received first. */
  list(query: RequestListQuery): Observable<Page<DataSubjectRequestView>> {
    const params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    return this.http.get<Page<DataSubjectRequestView>>(REQUESTS, { params });
  }

  create(input: CreateDataSubjectRequestInput): Observable<DataSubjectRequestView> {
    return this.http.post<DataSubjectRequestView>(REQUESTS, input);
  }

  /** The request and its whole thread, oldest message first, each with its email's delivery. */
  get(id: string): Observable<DataSubjectRequestDetail> {
    return this.http.get<DataSubjectRequestDetail>(`${REQUESTS}/${encodeURIComponent(id)}`);
  }

  /** Stores the message and queues its email to the data subject; answers it with its delivery (queued). */
  sendMessage(
    requestId: string,
    input: SendDataSubjectMessageInput,
  ): Observable<DataSubjectRequestMessageView> {
    return this.http.post<DataSubjectRequestMessageView>(
      `${REQUESTS}/${encodeURIComponent(requestId)}/messages`,
      input,
    );
  }
}
