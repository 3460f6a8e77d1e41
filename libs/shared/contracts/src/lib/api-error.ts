/** One invalid field of a request body: `field` is a dotted path, `reason` a sentence for people. */
export interface FieldError {
  field: string;
  reason: string;
}

/**
 * The body of every error answer of the API. `code` is stable and meant for programs
 * (e.g. `validation_failed`, `invalid_credentials`); `message` is for people.
 */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
}
