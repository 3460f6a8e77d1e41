import type { PersonView } from './members';

export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Lengths the API accepts for a task; the web checks them before sending. */
export const TASK_LIMITS = {
  /** On one line: it is shown in email subjects. */
  titleLength: 200,
  /** Plain text, line breaks allowed. */
  descriptionLength: 5000,
} as const;

/**
 * One task; `GET /api/tasks` lists a page of them, newest first (`?assignee=me` for one's own,
 * `?status=` for those of one status).
 */
export interface TaskView {
  id: string;
  title: string;
  /** Plain text, possibly several lines; empty when there is none. */
  description: string;
  status: TaskStatus;
  assignee: PersonView | null;
  createdBy: PersonView | null;
  processingActivityId: string | null;
  /** `YYYY-MM-DD` or null. */
  dueDate: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `POST /api/tasks`: a new task, `open`, assigned to a user of the caller's organization. */
export interface CreateTaskInput {
  title: string;
  assigneeId: string;
  /** Left out: none. */
  description?: string;
  /** A processing activity of the caller's organization. */
  processingActivityId?: string;
  /** `YYYY-MM-DD`; left out: none. */
  dueDate?: string;
}

/** `PATCH /api/tasks/:id`: only the fields given change; `dueDate: null` removes the due date. */
export interface UpdateTaskInput {
  title?: string;
  /** An empty one removes the description. */
  description?: string;
  assigneeId?: string;
  status?: TaskStatus;
  dueDate?: string | null;
}
