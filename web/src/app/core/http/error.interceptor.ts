import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { SILENT_ERRORS, isApiRequest } from '../api/api-context';
import { ApiError } from '../api/api-error';
import { Notifier } from '../notify/notifier.service';

/**
 * Turns every failed API response into an `ApiError`. Field errors belong to the form that sent
 * them and 401s to the session flow, so only the rest is announced here.
 */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request)) return next(request);
  const notifier = inject(Notifier);

  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      const apiError = ApiError.fromResponse(error);
      const announce =
        !request.context.get(SILENT_ERRORS) &&
        !apiError.hasFieldErrors &&
        apiError.status !== 401;
      if (announce) notifier.error(describe(apiError));
      return throwError(() => apiError);
    }),
  );
};

/** A server fault carries the request id, so support can find it in the logs. */
function describe(error: ApiError): string {
  return error.status >= 500 && error.requestId
    ? `${error.message} (reference ${error.requestId})`
    : error.message;
}
