import { isPastDue, respondentLinkExpiry } from './respondent-link-expiry';

describe('respondentLinkExpiry', () => {
  const sentAt = new Date('2025-03-01T10:00:00.000Z');

  it('ends with the audit’s due date, UTC', () => {
    expect(respondentLinkExpiry('2025-03-15', sentAt).toISOString()).toBe('2025-03-15T23:59:59.999Z');
  });

  it('lasts 30 days when the audit has no due date', () => {
    expect(respondentLinkExpiry(null, sentAt).toISOString()).toBe('2025-03-31T10:00:00.000Z');
  });
});

describe('isPastDue', () => {
  it('is over only once the due day has ended', () => {
    expect(isPastDue('2025-03-01', new Date('2025-03-01T23:59:00.000Z'))).toBe(false);
    expect(isPastDue('2025-03-01', new Date('2025-03-02T00:00:00.000Z'))).toBe(true);
  });
});
