import { Role, STAFF_ROLES } from '@advocacy/shared';
import { AppIcon } from '../icons/app-icons';

export interface NavItem {
  label: string;
  path: string;
  icon: AppIcon;
  roles: readonly Role[];
  testId: string;
  section?: 'Administration';
  /** Area home links would otherwise stay highlighted on every page beneath them. */
  exact?: boolean;
}

/** New features add one entry here; the shell shows each item only to its roles. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    label: 'Home',
    path: '/advocate',
    icon: 'home',
    roles: ['advocate'],
    testId: 'nav-home',
    exact: true,
  },
  {
    label: 'Share',
    path: '/advocate/share',
    icon: 'link',
    roles: ['advocate'],
    testId: 'nav-share',
  },
  {
    label: 'Referrals',
    path: '/advocate/referrals',
    icon: 'group',
    roles: ['advocate'],
    testId: 'nav-my-referrals',
  },
  {
    label: 'Rewards',
    path: '/advocate/wallet',
    icon: 'gift',
    roles: ['advocate'],
    testId: 'nav-wallet',
  },
  {
    label: 'Your story',
    path: '/advocate/ugc',
    icon: 'format-quote',
    roles: ['advocate'],
    testId: 'nav-my-ugc',
  },
  {
    label: 'Ambassador',
    path: '/advocate/ambassador',
    icon: 'verified',
    roles: ['advocate'],
    testId: 'nav-ambassador',
  },
  {
    label: 'Dashboard',
    path: '/brand',
    icon: 'dashboard',
    roles: STAFF_ROLES,
    testId: 'nav-dashboard',
    exact: true,
  },
  {
    label: 'Segments',
    path: '/brand/segments',
    icon: 'donut-large',
    roles: STAFF_ROLES,
    testId: 'nav-segments',
  },
  {
    label: 'Customers',
    path: '/brand/customers',
    icon: 'person',
    roles: STAFF_ROLES,
    testId: 'nav-customers',
  },
  {
    label: 'Surveys',
    path: '/brand/surveys',
    icon: 'poll',
    roles: STAFF_ROLES,
    testId: 'nav-surveys',
  },
  {
    label: 'Imports',
    path: '/brand/imports',
    icon: 'upload',
    roles: STAFF_ROLES,
    testId: 'nav-imports',
  },
  {
    label: 'Programmes',
    path: '/brand/programmes',
    icon: 'star',
    roles: ['manager', 'admin'],
    testId: 'nav-programmes',
  },
  {
    label: 'Referrals',
    path: '/brand/referrals',
    icon: 'person-add',
    roles: ['manager', 'admin'],
    testId: 'nav-referrals',
  },
  {
    label: 'Rewards',
    path: '/brand/rewards',
    icon: 'gift',
    roles: ['manager', 'admin'],
    testId: 'nav-rewards',
  },
  {
    label: 'Cases',
    path: '/brand/cases',
    icon: 'assignment',
    roles: ['manager', 'admin', 'brand'],
    testId: 'nav-cases',
  },
  {
    label: 'UGC',
    path: '/brand/ugc',
    icon: 'photo-library',
    roles: STAFF_ROLES,
    testId: 'nav-ugc',
  },
  {
    label: 'Outreach',
    path: '/brand/outreach',
    icon: 'mail',
    roles: STAFF_ROLES,
    testId: 'nav-outreach',
  },
  {
    label: 'Ambassadors',
    path: '/brand/ambassadors',
    icon: 'verified',
    roles: ['manager', 'admin', 'brand'],
    testId: 'nav-ambassadors',
  },
  {
    label: 'Users',
    path: '/brand/admin/users',
    icon: 'group',
    roles: ['admin'],
    testId: 'nav-users',
    section: 'Administration',
  },
  {
    label: 'Audit log',
    path: '/brand/admin/audit',
    icon: 'history',
    roles: ['admin'],
    testId: 'nav-audit',
    section: 'Administration',
  },
  {
    label: 'Webhooks',
    path: '/brand/admin/webhooks',
    icon: 'webhook',
    roles: ['admin'],
    testId: 'nav-webhooks',
    section: 'Administration',
  },
];

export interface NavSection {
  title: string | null;
  items: NavItem[];
}

export function navSectionsFor(
  role: Role,
  items: readonly NavItem[] = NAV_ITEMS,
): NavSection[] {
  const sections: NavSection[] = [];
  for (const item of items.filter((candidate) =>
    candidate.roles.includes(role),
  )) {
    const title = item.section ?? null;
    const section = sections.find((existing) => existing.title === title);
    if (section) section.items.push(item);
    else sections.push({ title, items: [item] });
  }
  return sections;
}
