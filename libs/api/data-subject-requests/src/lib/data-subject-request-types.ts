import type { EmailStatus } from '@mailroute/shared/contracts';

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

export const DATA_SUBJECT_REQUEST_LIMITS = {
  subjectNameLength: 120,
  addressLength: 320,
  messageLength: 20_000,
} as const;

/** A request as listed by `GET /api/data-subject-requests`. */
export interface DataSubjectRequestView {
  id: string;
  /** Short, human reference quoted in the emails' subject, e.g. `DSR-1A2B3C4D`. */
  reference: string;
  type: DataSubjectRequestType;
  subjectName: string;
  subjectEmail: string;
  locale: 'en' | 'fr' | null;
  receivedAt: string;
  /** `YYYY-MM-DD`: one calendar month after receipt (GDPR art. 12(3)). */
  dueOn: string;
  createdAt: string;
}

/** One message of the thread, with the delivery status of the email that carries it. */
export interface DataSubjectRequestMessageView {
  id: string;
  body: string;
  author: { id: string | null; email: string };
  createdAt: string;
  email: { id: string; status: EmailStatus | 'unknown'; sentAt: string | null; lastError: string | null };
}

/** `GET /api/data-subject-requests/:id`. */
export interface DataSubjectRequestDetail extends DataSubjectRequestView {
  messages: DataSubjectRequestMessageView[];
}
