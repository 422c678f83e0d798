import { Routes } from '@angular/router';
import { STAFF_ROLES } from '@advocacy/shared';
import {
  redirectToHome,
  roleGuard,
  signedInGuard,
  signedOutGuard,
} from './core/auth/auth.guards';

export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: redirectToHome },
  {
    path: 'login',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () =>
      import('./features/auth/login-page.component').then(
        (m) => m.LoginPageComponent,
      ),
  },
  {
    path: 'join',
    title: 'Join',
    canActivate: [signedOutGuard],
    loadComponent: () =>
      import('./features/auth/join-page.component').then(
        (m) => m.JoinPageComponent,
      ),
  },
  {
    path: 'accept-invite',
    title: 'Accept invite',
    loadComponent: () =>
      import('./features/auth/accept-invite-page.component').then(
        (m) => m.AcceptInvitePageComponent,
      ),
  },
  {
    // Public: a customer answers from an emailed link without an account.
    path: 's/:token',
    title: 'Survey',
    loadComponent: () =>
      import('./features/survey/survey-page.component').then(
        (m) => m.SurveyPageComponent,
      ),
  },
  {
    // Public: anyone with a campaign's testimonial link may submit, without an account.
    path: 't/:token',
    title: 'Share your experience',
    loadComponent: () =>
      import('./features/public-ugc/testimonial-page.component').then(
        (m) => m.TestimonialPageComponent,
      ),
  },
  {
    // Public: a published showcase of approved, consented testimonials.
    path: 'showcase/:slug',
    title: 'Testimonials',
    loadComponent: () =>
      import('./features/public-ugc/showcase-page.component').then(
        (m) => m.ShowcasePageComponent,
      ),
  },
  {
    // Public: a recipient opens the link from an outreach email without an account.
    path: 'unsubscribe/:token',
    title: 'Unsubscribe',
    loadComponent: () =>
      import('./features/unsubscribe/unsubscribe-page.component').then(
        (m) => m.UnsubscribePageComponent,
      ),
  },
  {
    // Public: someone who applied on the public page opens the link emailed to them.
    path: 'ambassadors/confirm/:token',
    title: 'Confirm your email',
    loadComponent: () =>
      import('./features/public/ambassador/confirm-email-page.component').then(
        (m) => m.ConfirmEmailPageComponent,
      ),
  },
  {
    // Public: anyone may apply to an open ambassador programme with their email.
    path: 'ambassadors/:slug',
    title: 'Become an ambassador',
    loadComponent: () =>
      import(
        './features/public/ambassador/ambassador-apply-page.component'
      ).then((m) => m.AmbassadorApplyPageComponent),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () =>
      import('./features/shell/shell.component').then((m) => m.ShellComponent),
    children: [
      {
        path: 'advocate',
        canActivate: [roleGuard('advocate')],
        loadChildren: () =>
          import('./features/advocate/advocate.routes').then(
            (m) => m.advocateRoutes,
          ),
      },
      {
        path: 'brand',
        canActivate: [roleGuard(...STAFF_ROLES)],
        loadChildren: () =>
          import('./features/brand/brand.routes').then((m) => m.brandRoutes),
      },
    ],
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () =>
      import('./features/not-found/not-found-page.component').then(
        (m) => m.NotFoundPageComponent,
      ),
  },
];
