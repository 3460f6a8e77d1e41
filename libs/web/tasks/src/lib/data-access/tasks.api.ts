import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateTaskInput,
  Page,
  TaskStatus,
  TaskView,
  UpdateTaskInput,
} from '@mailroute/shared/contracts';
import { API_PREFIX } from '@mailroute/web/core';
import type { Observable } from 'rxjs';

export const TASKS_PATH = `${API_PREFIX}/tasks`;

export interface TasksQuery {
  /** Only the tasks assigned to the signed-in user (`?assignee=me`). */
  mine: boolean;
  /** Only the tasks of this status (`?status=`); null for every status. */
  status: TaskStatus | null;
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
}

/**
 * `/api/tasks`: the organization's tasks, newest first. Assigning notifies the assignee and
 * completing notifies the creator; only the assignee, the creator or an admin change a task (403
 * `task_change_forbidden` otherwise).
 */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  list(query: TasksQuery): Observable<Page<TaskView>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.mine) {
      params = params.set('assignee', 'me');
    }
    if (query.status !== null) {
      params = params.set('status', query.status);
    }
    return this.http.get<Page<TaskView>>(TASKS_PATH, { params });
  }

  create(input: CreateTaskInput): Observable<TaskView> {
    return this.http.post<TaskView>(TASKS_PATH, input);
  }

  get(id: string): Observable<TaskView> {
    return this.http.get<TaskView>(`${TASKS_PATH}/${encodeURIComponent(id)}`);
  }

  update(id: string, changes: UpdateTaskInput): Observable<TaskView> {
    return this.http.patch<TaskView>(`${TASKS_PATH}/${encodeURIComponent(id)}`, changes);
  }
}
