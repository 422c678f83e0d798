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
];
