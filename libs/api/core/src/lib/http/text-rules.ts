import { applyDecorators } from '@nestjs/common';
import { Matches } from 'class-validator';

/** One line: no CR, LF, NEL or Unicode line/paragraph separator, nor any other control character. */
export const ONE_LINE_TEXT = /^[^\p{Cc}\u2028\u2029]*$/u;

/**
 * No bidirectional control (the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069,
 * and the marks): they make a text read differently from what is stored, in pages and in emails
 * (Trojan Source, CVE-2021-42574), e.g. a name that displays as someone else's.
 */
export const NO_BIDI_CONTROL = /^[^\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$/u;

/**
 * The rule for every free-text single-line name or title people type (a user's name, a task's
 * title, a data subject's name…): it is shown on one line in pages and email subjects, so it holds
 * no line break or other control character and no bidirectional control. Put it above the type
 * check (class-validator runs a property's decorators bottom-up).
 */
export function SingleLineText(): PropertyDecorator {
  return applyDecorators(
    Matches(NO_BIDI_CONTROL, { message: 'must not contain bidirectional control characters' }),
    Matches(ONE_LINE_TEXT, { message: 'must be on one line, without control characters' }),
  );
}
