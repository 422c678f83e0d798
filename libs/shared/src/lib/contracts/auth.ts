import { PageQuery } from './pagination';
import { Role } from './roles';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface LoginRequest {
  email: string;
  password: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
}

/** The refresh token travels only in an httpOnly cookie, never in this body. */
export interface AuthSession {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface InviteStaffRequest {
  email: string;
  name: string;
  role: Exclude<Role, 'advocate'>;
}

export interface InviteCreated {
  user: SessionUser;
  /** Shown once to the admin so the invite can be passed on; stored hashed. */
  inviteUrl: string;
}

export interface AcceptInviteRequest {
  token: string;
  password: string;
}

export interface JoinRequest {
  email: string;
  name: string;
  password: string;
}

export interface UserSummary extends SessionUser {
  createdAt: string;
  lastLoginAt: string | null;
  disabled: boolean;
  invitePending: boolean;
}

/** Filters of `GET users`; `q` matches name or email. */
export interface UserQuery extends PageQuery {
  role?: Role;
  q?: string;
}

/** Body of `PATCH users/:id`; only the fields present change. */
export interface UpdateUserRequest {
  disabled?: boolean;
  role?: Role;
}
