import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
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
 * with its comments and watchers, and a new comment (its author becomes a watcher).
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
}
