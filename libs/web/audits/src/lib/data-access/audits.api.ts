import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuditDetailView,
  AuditView,
  CreateAuditInput,
  Locale,
  Page,
  QuestionInput,
  QuestionView,
  RespondentView,
} from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const AUDITS = `${API_PREFIX}/audits`;

/** `POST /api/audits/:id/respondents` (the API's `AddRespondentDto`). */
export interface AddRespondentInput {
  email: string;
  name?: string | null;
  /** The respondent's language; the organization's when left out. */
  locale?: Locale | null;
}

const audit = (id: string) => `${AUDITS}/${encodeURIComponent(id)}`;

/** `/api/audits`: the organization's audits, their questions and respondents (any signed-in user). */
@Injectable({ providedIn: 'root' })
export class AuditsApi {
  private readonly http = inject(HttpClient);

  /** Newest first; `page` is 1-based. */
  list(page: number, pageSize: number): Observable<Page<AuditView>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<AuditView>>(AUDITS, { params });
  }

  create(input: CreateAuditInput): Observable<AuditView> {
    return this.http.post<AuditView>(AUDITS, input);
  }

  get(id: string): Observable<AuditDetailView> {
    return this.http.get<AuditDetailView>(audit(id));
  }

  /** The whole list, in this order; 409 `audit_questions_locked` once someone answered. */
  replaceQuestions(id: string, questions: QuestionInput[]): Observable<QuestionView[]> {
    return this.http.put<QuestionView[]>(`${audit(id)}/questions`, { questions });
  }

  /** Stores the respondent and emails them their link; 409 `respondent_already_invited` or `audit_past_due`. */
  addRespondent(id: string, input: AddRespondentInput): Observable<RespondentView> {
    return this.http.post<RespondentView>(`${audit(id)}/respondents`, input);
  }

  /** Emails a new link (the previous one stops working); 409 `respondent_already_answered`. */
  remind(id: string, respondentId: string): Observable<RespondentView> {
    return this.http.post<RespondentView>(
      `${audit(id)}/respondents/${encodeURIComponent(respondentId)}/remind`,
      {},
    );
  }
}
