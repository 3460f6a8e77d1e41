import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationInboxPage, NotificationView } from '@mailroute/shared/contracts';
import type { Observable } from 'rxjs';
import { API_PREFIX } from '../api/api-paths';

export const NOTIFICATIONS_PATH = `${API_PREFIX}/notifications`;

export interface NotificationInboxQuery {
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
  unreadOnly?: boolean;
}

/**
 * `/api/notifications`: the signed-in user's inbox, newest first. Every page answer carries the
 * user's unread count in all, so the shell's badge and the inbox page read the same number.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: NotificationInboxQuery): Observable<NotificationInboxPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.unreadOnly === true) {
      params = params.set('unread', 'true');
    }
    return this.http.get<NotificationInboxPage>(NOTIFICATIONS_PATH, { params });
  }

  markRead(id: string): Observable<NotificationView> {
    return this.http.post<NotificationView>(`${NOTIFICATIONS_PATH}/${encodeURIComponent(id)}/read`, {});
  }

  /** Answers the inbox's first page (default page size), now all read. */
  markAllRead(): Observable<NotificationInboxPage> {
    return this.http.post<NotificationInboxPage>(`${NOTIFICATIONS_PATH}/read-all`, {});
  }
}
