import { IsUUID } from 'class-validator';

/** Path ids, validated by the global pipe so a malformed one is a 400 naming the field. */
export class AuditIdParams {
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

export class RespondentParams extends AuditIdParams {
  @IsUUID('all', { message: 'must be a UUID' })
  rid!: string;
}
