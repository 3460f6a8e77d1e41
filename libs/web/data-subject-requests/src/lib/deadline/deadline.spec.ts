import { deadlineOf, deadlineText } from './deadline';

/** Noon local time, so the browser's time zone cannot move the day. */
const at = (day: string) => new Date(`${day}T12:00:00`).getTime();

describe('deadlineOf', () => {
  it('is due today on the due date itself', () => {
    expect(deadlineOf('2025-04-14', at('2025-04-14'))).toEqual({ state: 'dueToday' });
  });

  it('counts the calendar days left before the due date', () => {
    expect(deadlineOf('2025-04-14', at('2025-04-10'))).toEqual({ state: 'upcoming', days: 4 });
  });

  it('is overdue from the day after the due date, counting the days late', () => {
    expect(deadlineOf('2025-04-14', at('2025-04-15'))).toEqual({ state: 'overdue', days: 1 });
    expect(deadlineOf('2025-04-14', at('2025-05-01'))).toEqual({ state: 'overdue', days: 17 });
  });

  it('counts whole days across a daylight saving change', () => {
    expect(deadlineOf('2025-04-01', at('2025-03-25'))).toEqual({ state: 'upcoming', days: 7 });
  });
});

describe('deadlineText', () => {
  it('says "overdue" in words, with the number of days', () => {
    expect(deadlineText({ state: 'overdue', days: 3 })).toEqual({
      key: 'dataSubjectRequests.deadline.overdue',
      params: { days: 3 },
    });
    expect(deadlineText({ state: 'overdue', days: 1 }).key).toBe('dataSubjectRequests.deadline.overdueOne');
  });

  it('says "due tomorrow" for one day left', () => {
    expect(deadlineText({ state: 'upcoming', days: 1 }).key).toBe('dataSubjectRequests.deadline.upcomingOne');
  });
});
