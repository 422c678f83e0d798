import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth.guards';

export const brandRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Dashboard',
    loadComponent: () => import('./brand-home-page.component').then((m) => m.BrandHomePageComponent),
  },
  {
    path: 'admin',
    canActivate: [roleGuard('admin')],
    loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
  },
];
