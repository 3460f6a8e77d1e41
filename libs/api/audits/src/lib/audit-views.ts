import type { AuditRespondent } from './audit-respondent.entity';
import type { Audit } from './audit.entity';

export interface AuditView {
  id: string;
  title: string;
  /** `YYYY-MM-DD`, or null. */
  dueDate: string | null;
  createdAt: string;
  respondentCount: number;
}

/** A respondent as the organization sees them (never their link's token). */
export interface RespondentView {
  id: string;
  email: string;
  name: string | null;
  locale: string | null;
  invitedAt: string;
  lastRemindedAt: string | null;
  reminderCount: number;
  /** When their current link stops working. */
  linkExpiresAt: string;
}

export interface AuditDetailView extends AuditView {
  respondents: RespondentView[];
}

/** What the holder of a respondent's link sees (`GET /api/audit-responses/:token`). */
export interface RespondentAccessView {
  auditTitle: string;
  dueDate: string | null;
  organizationName: string;
  respondent: { email: string; name: string | null };
  linkExpiresAt: string;
}

export function toAuditView(audit: Audit, respondentCount: number): AuditView {
  return {
    id: audit.id,
    title: audit.title,
    dueDate: audit.dueDate,
    createdAt: audit.createdAt.toISOString(),
    respondentCount,
  };
}

export function toRespondentView(respondent: AuditRespondent): RespondentView {
  return {
    id: respondent.id,
    email: respondent.email,
    name: respondent.name,
    locale: respondent.locale,
    invitedAt: respondent.invitedAt.toISOString(),
    lastRemindedAt: respondent.lastRemindedAt?.toISOString() ?? null,
    reminderCount: respondent.reminderCount,
    linkExpiresAt: respondent.tokenExpiresAt.toISOString(),
  };
}
