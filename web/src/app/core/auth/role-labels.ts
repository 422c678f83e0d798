import { Role } from '@advocacy/shared';

export const ROLE_LABELS: Record<Role, string> = {
  advocate: 'Advocate',
  manager: 'Programme manager',
  brand: 'Brand team',
  admin: 'Admin',
};
