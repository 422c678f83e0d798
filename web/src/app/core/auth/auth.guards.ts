import { inject } from '@angular/core';
import { CanActivateFn, RedirectFunction, Router } from '@angular/router';
import { ROLE_HOME, Role } from '@advocacy/shared';
import { AuthService } from './auth.service';

export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthService).isSignedIn()) return true;
  return inject(Router).createUrlTree(['/login'], {
    queryParams: { returnUrl: state.url },
  });
};

/** Sign-in pages send an already signed-in user straight to their area. */
export const signedOutGuard: CanActivateFn = () => {
  const role = inject(AuthService).role();
  return role === null ? true : inject(Router).parseUrl(ROLE_HOME[role]);
};

export function roleGuard(...allowed: readonly Role[]): CanActivateFn {
  return (_route, state) => {
    const role = inject(AuthService).role();
    const router = inject(Router);
    if (role === null)
      return router.createUrlTree(['/login'], {
        queryParams: { returnUrl: state.url },
      });
    return allowed.includes(role) ? true : router.parseUrl(ROLE_HOME[role]);
  };
}

export const redirectToHome: RedirectFunction = () => {
  const role = inject(AuthService).role();
  return role === null ? '/login' : ROLE_HOME[role];
};
