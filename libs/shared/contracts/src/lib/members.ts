import type { Role } from './auth';

/** An organization's member as listed by `GET /api/users` (a page of them, newest first). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** `PATCH /api/users/:id` body (admins only). */
export interface UpdateMemberRequest {
  role: Role;
}

/**
 * The `code` of the 409 refusing to remove or demote the organization's last admin: an
 * organization always keeps one user who can manage it.
 */
export const LAST_ADMIN_ERROR_CODE = 'last_admin';

/** A user as shown beside what they did (author, assignee...). */
export interface PersonView {
  id: string;
  name: string;
}
