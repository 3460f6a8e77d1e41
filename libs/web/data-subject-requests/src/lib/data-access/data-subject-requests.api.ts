import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DataSubjectRequestDetail,
  DataSubjectRequestMessageView,
  DataSubjectRequestType,
  DataSubjectRequestView,
  Locale,
  Page,
} from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const REQUESTS = `${API_PREFIX}/data-subject-requests`;

/**
 * The body of `POST /api/data-subject-requests` (the API's CreateDataSubjectRequestDto).
 * Declared here because shared/contracts has no request type for it yet.
 */
export interface NewDataSubjectRequest {
  type: DataSubjectRequestType;
  subjectName: string;
  subjectEmail: string;
  /** `YYYY-MM-DD` or an ISO date-time; the API takes "now" when it is left out. */
  receivedAt?: string;
  /** Left out: the organization's language. */
  locale?: Locale;
}

/** The body of `POST /api/data-subject-requests/:id/messages` (SendDataSubjectMessageDto). */
export interface NewDataSubjectMessage {
  body: string;
}

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

  create(input: NewDataSubjectRequest): Observable<DataSubjectRequestView> {
    return this.http.post<DataSubjectRequestView>(REQUESTS, input);
  }

  /** The request and its whole thread, oldest message first, each with its email's delivery. */
  get(id: string): Observable<DataSubjectRequestDetail> {
    return this.http.get<DataSubjectRequestDetail>(`${REQUESTS}/${encodeURIComponent(id)}`);
  }

  /** Stores the message and queues its email to the data subject; answers it with its delivery (queued). */
  sendMessage(requestId: string, input: NewDataSubjectMessage): Observable<DataSubjectRequestMessageView> {
    return this.http.post<DataSubjectRequestMessageView>(
      `${REQUESTS}/${encodeURIComponent(requestId)}/messages`,
      input,
    );
  }
}
