/** At least one visible character, on one line (a name or a title shown in an email subject). */
export const ONE_LINE = /^[^\r\n]*\S[^\r\n]*$/;
/** At least one visible character. */
export const NOT_BLANK = /\S/;
export const isText = { message: 'must be a string' };
export const maxChars = (max: number) => ({ message: `must be at most ${max} characters` });
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const calendarDate = { message: 'must be a date, YYYY-MM-DD' };
