import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth.guards';

export const brandRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Dashboard',
    loadComponent: () =>
      import('./dashboard/dashboard-page.component').then(
        (m) => m.DashboardPageComponent,
      ),
  },
  {
    path: 'segments',
    title: 'Segments',
    canActivate: [roleGuard('manager', 'brand', 'admin')],
    loadComponent: () =>
      import('./segments/segments-page.component').then(
        (m) => m.SegmentsPageComponent,
      ),
  },
  {
    path: 'customers',
    loadChildren: () =>
      import('./customers/customers.routes').then((m) => m.customersRoutes),
  },
  {
    path: 'surveys',
    title: 'Surveys',
    loadComponent: () =>
      import('./surveys/surveys-page.component').then(
        (m) => m.SurveysPageComponent,
      ),
  },
  {
    path: 'imports',
    title: 'Imports',
    loadComponent: () =>
      import('./imports/imports-page.component').then(
        (m) => m.ImportsPageComponent,
      ),
  },
  {
    path: 'rewards',
    title: 'Rewards',
    canActivate: [roleGuard('manager', 'admin')],
    loadComponent: () =>
      import('./rewards/rewards-page.component').then(
        (m) => m.RewardsPageComponent,
      ),
  },
  {
    path: 'programmes',
    title: 'Programmes',
    canActivate: [roleGuard('manager', 'admin')],
    loadComponent: () =>
      import('./programmes/programmes-page.component').then(
        (m) => m.ProgrammesPageComponent,
      ),
  },
  {
    path: 'referrals',
    title: 'Referrals',
    canActivate: [roleGuard('manager', 'admin')],
    loadComponent: () =>
      import('./referrals/referrals-page.component').then(
        (m) => m.ReferralsPageComponent,
      ),
  },
  {
    path: 'cases',
    canActivate: [roleGuard('manager', 'brand', 'admin')],
    loadChildren: () =>
      import('./cases/cases.routes').then((m) => m.casesRoutes),
  },
  {
    path: 'ugc',
    title: 'UGC and testimonials',
    loadComponent: () =>
      import('./ugc/ugc-page.component').then((m) => m.UgcPageComponent),
  },
  {
    path: 'outreach',
    loadChildren: () =>
      import('./outreach/outreach.routes').then((m) => m.outreachRoutes),
  },
  {
    path: 'ambassadors',
    title: 'Ambassadors',
    loadComponent: () =>
      import('./ambassadors/ambassador-programmes-page.component').then(
        (m) => m.AmbassadorProgrammesPageComponent,
      ),
  },
  {
    path: 'ambassadors/:id',
    title: 'Ambassador programme',
    loadComponent: () =>
      import('./ambassadors/ambassador-programme-page.component').then(
        (m) => m.AmbassadorProgrammePageComponent,
      ),
  },
  {
    path: 'admin',
    canActivate: [roleGuard('admin')],
    loadChildren: () =>
      import('./admin/admin.routes').then((m) => m.adminRoutes),
  },
];
