import { Routes } from '@angular/router';

export const casesRoutes: Routes = [
  {
    path: '',
    title: 'Follow-up cases',
    loadComponent: () =>
      import('./cases-page.component').then((m) => m.CasesPageComponent),
  },
  {
    path: ':id',
    title: 'Follow-up case',
    loadComponent: () =>
      import('./case-detail-page.component').then(
        (m) => m.CaseDetailPageComponent,
      ),
  },
];
