import { Routes } from '@angular/router';

export const customersRoutes: Routes = [
  {
    path: '',
    title: 'Customers',
    loadComponent: () =>
      import('./customers-page.component').then(
        (m) => m.CustomersPageComponent,
      ),
  },
  {
    path: ':id',
    title: 'Customer',
    loadComponent: () =>
      import('./customer-detail-page.component').then(
        (m) => m.CustomerDetailPageComponent,
      ),
  },
];
