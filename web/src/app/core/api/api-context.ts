import { HttpContextToken, HttpRequest } from '@angular/common/http';
import { API_PATHS, API_PREFIX, apiUrl } from '@advocacy/shared';

export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

export function isApiRequest(request: HttpRequest<unknown>): boolean {
  return request.url.startsWith(`${API_PREFIX}/`);
}

/** A 401 from these means "no session", so refreshing and retrying would be pointless. */
const SESSION_ENDPOINTS = new Set(
  [
    API_PATHS.auth.login,
    API_PATHS.auth.refresh,
    API_PATHS.auth.logout,
    API_PATHS.auth.join,
    API_PATHS.auth.acceptInvite,
  ].map((path) => apiUrl(path)),
);

export function isSessionEndpoint(request: HttpRequest<unknown>): boolean {
  return SESSION_ENDPOINTS.has(request.url);
}
