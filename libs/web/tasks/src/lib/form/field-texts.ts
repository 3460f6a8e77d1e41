import type { FieldTexts } from '@mailroute/web/core';

/** What this feature says under a field (see fieldMessage of web/core). */
export const TASK_FIELD_TEXTS: FieldTexts = {
  required: 'tasks.error.required',
  maxLength: 'tasks.error.maxLength',
  server: 'tasks.error.server',
  invalid: 'tasks.error.invalid',
};
