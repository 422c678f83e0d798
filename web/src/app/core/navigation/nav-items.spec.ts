import { navSectionsFor } from './nav-items';

describe('navSectionsFor', () => {
  const labels = (role: Parameters<typeof navSectionsFor>[0]) =>
    navSectionsFor(role).map((section) => [
      section.title,
      section.items.map((item) => item.label),
    ]);

  it('shows advocates only their own area', () => {
    expect(labels('advocate')).toEqual([
      [
        null,
        ['Home', 'Share', 'Referrals', 'Rewards', 'Your story', 'Ambassador'],
      ],
    ]);
  });

  it('shows staff the dashboard without admin pages', () => {
    expect(labels('manager')).toEqual([
      [
        null,
        [
          'Dashboard',
          'Segments',
          'Customers',
          'Surveys',
          'Imports',
          'Programmes',
          'Referrals',
          'Rewards',
          'Cases',
          'UGC',
          'Outreach',
          'Ambassadors',
        ],
      ],
    ]);
    expect(labels('brand')).toEqual([
      [
        null,
        [
          'Dashboard',
          'Segments',
          'Customers',
          'Surveys',
          'Imports',
          'Cases',
          'UGC',
          'Outreach',
          'Ambassadors',
        ],
      ],
    ]);
  });

  it('groups the admin pages under their own heading for admins', () => {
    expect(labels('admin')).toEqual([
      [
        null,
        [
          'Dashboard',
          'Segments',
          'Customers',
          'Surveys',
          'Imports',
          'Programmes',
          'Referrals',
          'Rewards',
          'Cases',
          'UGC',
          'Outreach',
          'Ambassadors',
        ],
      ],
      ['Administration', ['Users', 'Audit log', 'Webhooks']],
    ]);
  });
});
