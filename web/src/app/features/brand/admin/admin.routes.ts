import { Routes } from '@angular/router';

export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  {
    path: 'users',
    title: 'Users',
    loadComponent: () =>
      import('./users/users-page.component').then((m) => m.UsersPageComponent),
  },
  {
    path: 'audit',
    title: 'Audit log',
    loadComponent: () =>
      import('./audit/audit-page.component').then((m) => m.AuditPageComponent),
  },
  {
    path: 'webhooks',
    title: 'Webhooks',
    loadComponent: () =>
      import('./webhooks/webhooks-page.component').then(
        (m) => m.WebhooksPageComponent,
      ),
  },
  {
    path: 'webhooks/:id',
    title: 'Webhook endpoint',
    loadComponent: () =>
      import('./webhooks/webhook-detail-page.component').then(
        (m) => m.WebhookDetailPageComponent,
      ),
  },
];
