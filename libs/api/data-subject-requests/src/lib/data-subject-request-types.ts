/** Lengths the API accepts (the views and request types that cross the wire are in `@mailroute/shared/contracts`). */
export const DATA_SUBJECT_REQUEST_LIMITS = {
  subjectNameLength: 120,
  addressLength: 320,
  messageLength: 20_000,
} as const;
