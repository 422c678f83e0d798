export const ROLES = ['advocate', 'manager', 'brand', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles reach the brand area; advocates have their own area. */
export const STAFF_ROLES: readonly Role[] = ['manager', 'brand', 'admin'];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** The page each role lands on after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  advocate: '/advocate',
  manager: '/brand',
  brand: '/brand',
  admin: '/brand',
};
