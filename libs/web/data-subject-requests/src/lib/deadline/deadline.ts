import type { TranslationKey, TranslationParams } from '@mailroute/web/i18n';

/** Where a request stands against its due date (GDPR art. 12(3): one month after receipt). */
export type Deadline =
  { state: 'overdue'; days: number } | { state: 'dueToday' } | { state: 'upcoming'; days: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `now` in the browser's time zone: "today" for the person reading the page. */
function localDay(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
}

/** `dueOn` is a calendar date (`YYYY-MM-DD`); it is overdue from the day after. */
export function deadlineOf(dueOn: string, now: number): Deadline {
  const [year, month, day] = dueOn.split('-').map(Number);
  const due = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  const days = Math.round((due - localDay(now)) / DAY_MS);
  if (days < 0) {
    return { state: 'overdue', days: -days };
  }
  return days === 0 ? { state: 'dueToday' } : { state: 'upcoming', days };
}

/** The sentence saying it, in words (never only a colour). */
export function deadlineText(deadline: Deadline): { key: TranslationKey; params?: TranslationParams } {
  switch (deadline.state) {
    case 'overdue':
      return deadline.days === 1
        ? { key: 'dataSubjectRequests.deadline.overdueOne' }
        : { key: 'dataSubjectRequests.deadline.overdue', params: { days: deadline.days } };
    case 'dueToday':
      return { key: 'dataSubjectRequests.deadline.today' };
    case 'upcoming':
      return deadline.days === 1
        ? { key: 'dataSubjectRequests.deadline.upcomingOne' }
        : { key: 'dataSubjectRequests.deadline.upcoming', params: { days: deadline.days } };
  }
}

/** `dueOn` as a local date for display: `new Date('2025-04-14')` would be UTC midnight, a day early west of Greenwich. */
export function calendarDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, date ?? 1);
}
