import type { PersonView } from './members';
import type { Page } from './page';

/** What a user is notified of; each can be emailed or not (the user's preferences). */
export const NOTIFICATION_KINDS = ['comment_added', 'task_assigned', 'task_completed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

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

/**
 * `GET /api/notifications` (`?unread=true` for unread ones only), newest first, and the answer of
 * `POST /api/notifications/read-all`: a page, and how many of the user's notifications are unread
 * in all (whatever the filter and page).
 */
export type NotificationInboxPage = Page<NotificationView> & { unreadCount: number };

/** `GET/PUT /api/me/notification-preferences`: which kinds of notification are also emailed. */
export interface NotificationPreferencesView {
  commentAdded: boolean;
  taskAssigned: boolean;
  taskCompleted: boolean;
}
