import type { PersonView } from './members';

/** Lengths the API accepts for a processing activity and its comments; the web checks them before sending. */
export const ACTIVITY_LIMITS = {
  /** On one line: it is shown in email subjects. */
  nameLength: 200,
  /** Plain text, line breaks allowed. */
  descriptionLength: 10_000,
  /** Plain text, line breaks allowed. */
  commentLength: 10_000,
} as const;

/** `POST /api/processing-activities`, and the lines of `GET /api/processing-activities` (a page, newest first). */
export interface ProcessingActivityView {
  id: string;
  name: string;
  description: string;
  createdBy: PersonView | null;
  createdAt: string;
}

/** One comment on a processing activity. */
export interface CommentView {
  id: string;
  body: string;
  author: PersonView | null;
  createdAt: string;
}

/** `GET /api/processing-activities/:id`: the activity, its comments (oldest first) and who follows it. */
export interface ProcessingActivityDetail extends ProcessingActivityView {
  comments: CommentView[];
  watchers: PersonView[];
}

/**
 * Who follows an activity (each is notified of every new comment), as answered by
 * `PUT`/`DELETE /api/processing-activities/:id/watchers/me` (anyone follows or stops following)
 * and `…/watchers/:userId` (admins add or remove another user of the organization). Both are
 * idempotent: following twice is following once.
 */
export interface ActivityWatchersView {
  watchers: PersonView[];
}
