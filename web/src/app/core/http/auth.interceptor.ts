import {
  HttpErrorResponse,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { isApiRequest, isSessionEndpoint } from '../api/api-context';
import { AuthService } from '../auth/auth.service';

/** Adds the bearer token; on a 401 refreshes once and retries, else ends the session. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request)) return next(request);
  const auth = inject(AuthService);

  return next(withToken(request, auth.accessToken())).pipe(
    catchError((error: unknown) => {
      if (!isUnauthorized(error) || isSessionEndpoint(request))
        return throwError(() => error);
      return auth.refresh().pipe(
        switchMap((token) => {
          if (token === null) {
            auth.expire();
            return throwError(() => error);
          }
          return next(withToken(request, token)).pipe(
            catchError((retryError: unknown) => {
              if (isUnauthorized(retryError)) auth.expire();
              return throwError(() => retryError);
            }),
          );
        }),
      );
    }),
  );
};

function withToken(
  request: HttpRequest<unknown>,
  token: string | null,
): HttpRequest<unknown> {
  return token
    ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
    : request;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
