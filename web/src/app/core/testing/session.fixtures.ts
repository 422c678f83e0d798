import { AuthSession, Role, SessionUser } from '@advocacy/shared';

export function userWith(role: Role): SessionUser {
  return {
    id: `${role}-1`,
    email: `${role}@example.com`,
    name: `Sam ${role}`,
    role,
    customerId: null,
  };
}

export function sessionFor(
  role: Role,
  accessToken = `token-${role}`,
): AuthSession {
  return { accessToken, expiresIn: 900, user: userWith(role) };
}
