import type { Locale } from './locale';

export const ROLES = ['admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** `POST /api/auth/login` body. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** `POST /api/auth/login` answer: a bearer token for the `Authorization` header. */
export interface LoginResponse {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
}

export interface OrganizationView {
  id: string;
  name: string;
  defaultLocale: Locale;
}

/** `GET /api/me`: who is signed in, and in which organization. */
export interface CurrentUserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale | null;
  organization: OrganizationView;
}
