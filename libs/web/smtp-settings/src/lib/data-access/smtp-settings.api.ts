import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ConnectionTestReport,
  SmtpSettingsHistoryEntry,
  SmtpSettingsInput,
  SmtpSettingsSaved,
  SmtpSettingsView,
} from '@mailroute/shared/contracts';
import { API_PATHS } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const SMTP_SETTINGS = `${API_PATHS.currentOrganization}/smtp-settings`;

/**
 * `/api/organizations/current/smtp-settings`: the organization's own SMTP server (admins only).
 * `save` answers 422 with a `ConnectionTestReport` when a stage of the test failed (see `testFailedReport`).
 */
@Injectable({ providedIn: 'root' })
export class SmtpSettingsApi {
  private readonly http = inject(HttpClient);

  get(): Observable<SmtpSettingsView> {
    return this.http.get<SmtpSettingsView>(SMTP_SETTINGS);
  }

  /** Tests, then stores and activates the settings only when every stage passed. */
  save(input: SmtpSettingsInput): Observable<SmtpSettingsSaved> {
    return this.http.put<SmtpSettingsSaved>(SMTP_SETTINGS, input);
  }

  /** Runs the same test as `save` (test email included) and stores nothing. */
  test(input: SmtpSettingsInput): Observable<ConnectionTestReport> {
    return this.http.post<ConnectionTestReport>(`${SMTP_SETTINGS}/test`, input);
  }

  /** Back to the platform SMTP server. */
  remove(): Observable<SmtpSettingsView> {
    return this.http.delete<SmtpSettingsView>(SMTP_SETTINGS);
  }

  history(): Observable<SmtpSettingsHistoryEntry[]> {
    return this.http.get<SmtpSettingsHistoryEntry[]>(`${SMTP_SETTINGS}/history`);
  }
}
