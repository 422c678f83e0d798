import { Routes } from '@angular/router';

export const advocateRoutes: Routes = [
  {
    path: '',
    title: 'Home',
    loadComponent: () =>
      import('./advocate-home-page.component').then(
        (m) => m.AdvocateHomePageComponent,
      ),
  },
  {
    path: 'wallet',
    title: 'Rewards',
    loadComponent: () =>
      import('./wallet/wallet-page.component').then(
        (m) => m.WalletPageComponent,
      ),
  },
  {
    path: 'share',
    title: 'Share',
    loadComponent: () =>
      import('./share/share-page.component').then((m) => m.SharePageComponent),
  },
  {
    path: 'referrals',
    title: 'My referrals',
    loadComponent: () =>
      import('./referrals/my-referrals-page.component').then(
        (m) => m.MyReferralsPageComponent,
      ),
  },
  {
    path: 'ugc',
    title: 'Share your story',
    loadComponent: () =>
      import('./ugc/my-ugc-page.component').then((m) => m.MyUgcPageComponent),
  },
  {
    path: 'ambassador',
    title: 'Ambassador',
    loadComponent: () =>
      import('./ambassador/ambassador-programmes-page.component').then(
        (m) => m.AmbassadorProgrammesPageComponent,
      ),
  },
  {
    path: 'ambassador/:id',
    title: 'Ambassador programme',
    loadComponent: () =>
      import('./ambassador/ambassador-programme-page.component').then(
        (m) => m.AmbassadorProgrammePageComponent,
      ),
  },
];
