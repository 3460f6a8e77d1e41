import { dueDateOf } from './due-date';

describe('dueDateOf', () => {
  it('falls on the same day of the following month', () => {
    expect(dueDateOf(new Date('2025-03-14T09:30:00Z'))).toBe('2025-04-14');
  });

  it('falls on the last day of a shorter following month', () => {
    expect(dueDateOf(new Date('2025-01-31T12:00:00Z'))).toBe('2025-02-28');
    expect(dueDateOf(new Date('2024-01-30T12:00:00Z'))).toBe('2024-02-29');
    expect(dueDateOf(new Date('2025-08-31T00:00:00Z'))).toBe('2025-09-30');
  });

  it('crosses into the next year in December', () => {
    expect(dueDateOf(new Date('2025-12-31T23:59:59Z'))).toBe('2026-01-31');
  });

  it('reads the day of receipt in UTC', () => {
    expect(dueDateOf(new Date('2025-05-31T23:30:00-02:00'))).toBe('2025-07-01');
  });
});
