import type { DeliveryView } from './email';
import type { Locale } from './locale';

/** The rights of GDPR art. 15 to 21 a data subject can exercise. */
export const DATA_SUBJECT_REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
] as const;
export type DataSubjectRequestType = (typeof DATA_SUBJECT_REQUEST_TYPES)[number];

/** Lengths the API accepts for a request and its messages; the web checks them before sending. */
export const DATA_SUBJECT_REQUEST_LIMITS = {
  subjectNameLength: 120,
  /** An email address: a 64-character local part, `@` and a 255-character domain. */
  addressLength: 320,
  messageLength: 20_000,
} as const;

/** `POST /api/data-subject-requests`: a request received from a data subject. */
export interface CreateDataSubjectRequestInput {
  type: DataSubjectRequestType;
  /** On one line: the emails greet the data subject by it. */
  subjectName: string;
  subjectEmail: string;
  /** ISO 8601 date or date-time, not in the future; left out: now. */
  receivedAt?: string;
  /** The data subject's language; left out: the organization's. */
  locale?: Locale;
}

/** `POST /api/data-subject-requests/:id/messages`: plain text, emailed to the data subject. */
export interface SendDataSubjectMessageInput {
  body: string;
}

/** A request as listed by `GET /api/data-subject-requests` (a page, most recently received first). */
export interface DataSubjectRequestView {
  id: string;
  /** Short, human reference quoted in the emails' subject, e.g. `DSR-1A2B3C4D`. */
  reference: string;
  type: DataSubjectRequestType;
  subjectName: string;
  subjectEmail: string;
  locale: Locale | null;
  receivedAt: string;
  /** `YYYY-MM-DD`: one calendar month after receipt (GDPR art. 12(3)). */
  dueOn: string;
  createdAt: string;
}

/** One message of a request's thread, written to the data subject, with where its email stands. */
export interface DataSubjectRequestMessageView {
  id: string;
  body: string;
  author: { id: string | null; email: string };
  createdAt: string;
  delivery: DeliveryView;
}

/** `GET /api/data-subject-requests/:id`: the request and its whole thread, oldest message first. */
export interface DataSubjectRequestDetail extends DataSubjectRequestView {
  messages: DataSubjectRequestMessageView[];
}
