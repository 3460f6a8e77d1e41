import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AnswerInput, RespondentAccessView } from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const RESPONSES = `${API_PREFIX}/audit-responses`;

/**
 * `/api/audit-responses/:token`: what a respondent's personal link opens. Public: the token is the
 * credential, so no session is needed (the auth interceptor adds none when signed out).
 */
@Injectable({ providedIn: 'root' })
export class AuditResponsesApi {
  private readonly http = inject(HttpClient);

  /** 404 `respondent_link_not_found`, 409 `respondent_link_expired`. */
  access(token: string): Observable<RespondentAccessView> {
    return this.http.get<RespondentAccessView>(`${RESPONSES}/${encodeURIComponent(token)}`);
  }

  /**
   * Answers once: 400 `validation_failed` naming `answers[i].value` or `answers`, 409
   * `answers_already_submitted`, `respondent_link_expired` or `audit_has_no_questions`.
   */
  submit(token: string, answers: AnswerInput[]): Observable<RespondentAccessView> {
    return this.http.post<RespondentAccessView>(`${RESPONSES}/${encodeURIComponent(token)}`, { answers });
  }
}
