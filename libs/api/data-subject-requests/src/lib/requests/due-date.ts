/**
 * GDPR art. 12(3): the controller answers "within one month of receipt". Periods in months end on
 * the same day of the following month, or on its last day when that month is shorter
 * (Regulation 1182/71, art. 3(2)(c)): received 31 January → due 28 (or 29) February.
 * Calendar dates are taken in UTC, so every instance computes the same due date.
 */
export function dueDateOf(receivedAt: Date): string {
  const year = receivedAt.getUTCFullYear();
  const month = receivedAt.getUTCMonth() + 1;
  const lastDayOfNextMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(receivedAt.getUTCDate(), lastDayOfNextMonth);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}
