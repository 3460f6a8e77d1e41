import type { PersonView } from './members';

export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** One task; `GET /api/tasks` lists a page of them, newest first (`?assignee=me` for one's own). */
export interface TaskView {
  id: string;
  title: string;
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
