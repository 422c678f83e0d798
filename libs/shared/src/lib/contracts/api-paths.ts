/** Route paths under the API prefix, shared so the portal never hand-types a URL. */
export const API_PREFIX = '/api/v1';

export const API_PATHS = {
  auth: {
    login: 'auth/login',
    refresh: 'auth/refresh',
    logout: 'auth/logout',
    me: 'auth/me',
    acceptInvite: 'auth/accept-invite',
    join: 'auth/join',
  },
  users: {
    list: 'users',
    invite: 'users/invite',
    byId: 'users/:id',
  },
  apiKeys: {
    list: 'api-keys',
    byId: 'api-keys/:id',
  },
  audit: {
    list: 'audit',
    actions: 'audit/actions',
  },
} as const;

/** Fills `:name` placeholders of a route pattern, encoding each value. */
export function fillPath(
  pattern: string,
  params: Record<string, string> = {},
): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`Missing path parameter ${name} for ${pattern}`);
    return encodeURIComponent(value);
  });
}

/** Full URL of an API route, for the portal's HTTP client. */
export function apiUrl(
  pattern: string,
  params: Record<string, string> = {},
): string {
  return `${API_PREFIX}/${fillPath(pattern, params)}`;
}
