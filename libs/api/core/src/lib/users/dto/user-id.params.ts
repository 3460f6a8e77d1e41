import { IsUUID } from 'class-validator';

/** `:id` of a user; validated by the global pipe so a malformed id is a 400 naming the field. */
export class UserIdParams {
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}
