/** Today as `YYYY-MM-DD` in the browser's time zone, the day a date input offers first. */
export function todayIso(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Whether the audit's due date is over: the API closes it at the end of that day in UTC, after
 * which respondents can no longer be invited or reminded, and their links stop working.
 */
export function isPastDue(dueDate: string | null, now = new Date()): boolean {
  return dueDate !== null && new Date(`${dueDate}T23:59:59.999Z`).getTime() < now.getTime();
}
