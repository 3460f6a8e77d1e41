import type { PersonView } from './members';

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
