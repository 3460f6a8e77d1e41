import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationPreferencesView } from '@mailroute/shared/contracts';
import { API_PATHS } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

const PREFERENCES = `${API_PATHS.currentUser}/notification-preferences`;

/** `/api/me/notification-preferences`: which kinds of the signed-in user's notifications are also emailed. */
@Injectable({ providedIn: 'root' })
export class NotificationPreferencesApi {
  private readonly http = inject(HttpClient);

  get(): Observable<NotificationPreferencesView> {
    return this.http.get<NotificationPreferencesView>(PREFERENCES);
  }

  /** Answers the preferences as stored; a 400 names each refused field (`apiFieldErrors` of web/core). */
  save(preferences: NotificationPreferencesView): Observable<NotificationPreferencesView> {
    return this.http.put<NotificationPreferencesView>(PREFERENCES, preferences);
  }
}
