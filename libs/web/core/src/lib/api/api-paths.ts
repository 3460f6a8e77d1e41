/** Every API call goes to the same origin under this prefix (proxied to the API by `nx serve web`). */
export const API_PREFIX = '/api';

export const API_PATHS = {
  login: `${API_PREFIX}/auth/login`,
  currentUser: `${API_PREFIX}/me`,
  currentOrganization: `${API_PREFIX}/organizations/current`,
} as const;

export function isApiUrl(url: string): boolean {
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`);
}
