import { Routes } from '@angular/router';

export const outreachRoutes: Routes = [
  {
    path: '',
    title: 'Outreach',
    loadComponent: () =>
      import('./outreach-page.component').then((m) => m.OutreachPageComponent),
  },
  {
    path: 'sends/:id',
    title: 'Outreach report',
    loadComponent: () =>
      import('./send-report-page.component').then(
        (m) => m.SendReportPageComponent,
      ),
  },
];
