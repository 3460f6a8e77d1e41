import type { FieldTexts } from '@mailroute/web/core';

/** What this feature says under a field (see fieldMessage of web/core). */
export const ACTIVITY_FIELD_TEXTS: FieldTexts = {
  required: 'activities.error.required',
  maxLength: 'activities.error.maxLength',
  server: 'activities.error.server',
  invalid: 'activities.error.invalid',
};
