const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a respondent's link works when the audit has no due date. */
export const LINK_VALID_DAYS_WITHOUT_DUE_DATE = 30;

/**
 * When a respondent's link stops working: at the end of the audit's due date (UTC), or 30 days
 * after it was sent when the audit has none.
 */
export function respondentLinkExpiry(dueDate: string | null, sentAt: Date): Date {
  if (dueDate === null) {
    return new Date(sentAt.getTime() + LINK_VALID_DAYS_WITHOUT_DUE_DATE * DAY_MS);
  }
  return new Date(`${dueDate}T23:59:59.999Z`);
}

/** Whether a `YYYY-MM-DD` due date is already over at `now` (UTC). */
export function isPastDue(dueDate: string, now: Date): boolean {
  return respondentLinkExpiry(dueDate, now).getTime() < now.getTime();
}
