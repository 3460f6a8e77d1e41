/** Lengths the API accepts (the views and enums that cross the wire are in `@mailroute/shared/contracts`). */
export const NOTIFICATIONS_LIMITS = {
  nameLength: 200,
  descriptionLength: 10_000,
  commentLength: 10_000,
} as const;
