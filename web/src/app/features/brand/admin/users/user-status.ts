import { UserSummary } from '@advocacy/shared';

export type UserStatus = 'active' | 'invited' | 'disabled';

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invite pending',
  disabled: 'Disabled',
};

export function statusOf(user: UserSummary): UserStatus {
  if (user.disabled) return 'disabled';
  return user.invitePending ? 'invited' : 'active';
}
