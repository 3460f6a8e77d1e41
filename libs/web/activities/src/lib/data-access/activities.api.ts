import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActivityWatchersView,
  CommentView,
  Page,
  ProcessingActivityDetail,
  ProcessingActivityView,
} from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

export const ACTIVITIES_PATH = `${API_PREFIX}/processing-activities`;

export interface NewActivity {
  name: string;
  description: string;
}

/**
 * `/api/processing-activities`: the organization's register (open to every user), one activity
 * with its comments and watchers, a new comment (its author becomes a watcher), and who follows
 * it: oneself (anyone) or another user of the organization (admins).
 */
@Injectable({ providedIn: 'root' })
export class ActivitiesApi {
  private readonly http = inject(HttpClient);

  /** Newest first; `page` is 1-based, as the API counts. */
  list(page: number, pageSize: number): Observable<Page<ProcessingActivityView>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<ProcessingActivityView>>(ACTIVITIES_PATH, { params });
  }

  /** The creator follows the new activity. */
  create(input: NewActivity): Observable<ProcessingActivityView> {
    return this.http.post<ProcessingActivityView>(ACTIVITIES_PATH, input);
  }

  get(id: string): Observable<ProcessingActivityDetail> {
    return this.http.get<ProcessingActivityDetail>(`${ACTIVITIES_PATH}/${encodeURIComponent(id)}`);
  }

  /** Every other watcher is notified (and emailed, unless they switched it off). */
  comment(id: string, body: string): Observable<CommentView> {
    return this.http.post<CommentView>(`${ACTIVITIES_PATH}/${encodeURIComponent(id)}/comments`, { body });
  }

  /** The signed-in user follows the activity (`userId` left out), or an admin makes `userId` follow it. */
  watch(id: string, userId?: string): Observable<ActivityWatchersView> {
    return this.http.put<ActivityWatchersView>(watcherPath(id, userId), null);
  }

  /** The signed-in user stops following (`userId` left out), or an admin makes `userId` stop. */
  unwatch(id: string, userId?: string): Observable<ActivityWatchersView> {
    return this.http.delete<ActivityWatchersView>(watcherPath(id, userId));
  }
}

function watcherPath(id: string, userId: string | undefined): string {
  return `${ACTIVITIES_PATH}/${encodeURIComponent(id)}/watchers/${userId === undefined ? 'me' : encodeURIComponent(userId)}`;
}
