/** What a user is notified of; each can be emailed or not (the user's preferences). */
export const NOTIFICATION_KINDS = ['comment_added', 'task_assigned', 'task_completed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const NOTIFICATIONS_LIMITS = {
  nameLength: 200,
  descriptionLength: 10_000,
  commentLength: 10_000,
} as const;

export interface PersonView {
  id: string;
  name: string;
}

/** `POST /api/processing-activities`, and the lines of its list. */
export interface ProcessingActivityView {
  id: string;
  name: string;
  description: string;
  createdBy: PersonView | null;
  createdAt: string;
}

export interface ActivityCommentView {
  id: string;
  body: string;
  author: PersonView | null;
  createdAt: string;
}

/** `GET /api/processing-activities/:id`: the activity, its comments (oldest first) and who follows it. */
export interface ProcessingActivityDetail extends ProcessingActivityView {
  comments: ActivityCommentView[];
  watchers: PersonView[];
}

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

/** One in-app notification of `GET /api/notifications`. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** Who caused it. */
  actor: PersonView | null;
  /** What it is about, with the app path to open it (relative to the web app's root). */
  about: { type: 'processing_activity' | 'task'; id: string; name: string; path: string };
  /** The comment's beginning, for `comment_added`. */
  excerpt: string | null;
  readAt: string | null;
  createdAt: string;
  /** The email sent for it, or null when the user switched that kind of email off. */
  emailId: string | null;
}

export interface NotificationInboxView {
  items: NotificationView[];
  unread: number;
}

/** `GET/PUT /api/me/notification-preferences`: which kinds of notification are also emailed. */
export interface NotificationPreferencesView {
  commentAdded: boolean;
  taskAssigned: boolean;
  taskCompleted: boolean;
}
