import { HttpErrorResponse } from '@angular/common/http';
import { ApiErrorBody, ErrorCode, isApiErrorBody } from '@advocacy/shared';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Every failed API call reaches callers as this, whatever the server or network sent. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  static fromResponse(response: HttpErrorResponse): ApiError {
    if (response.status === 0) {
      return new ApiError(
        0,
        'SERVICE_UNAVAILABLE',
        'Cannot reach the server. Check your connection and try again.',
      );
    }
    const body: unknown = response.error;
    if (isApiErrorBody(body)) {
      return new ApiError(
        response.status,
        body.code,
        body.message,
        fieldErrorsOf(body),
        body.requestId ?? null,
      );
    }
    // A proxy or gateway answered instead of the API, so the wording is ours.
    const code = CODE_BY_STATUS[response.status] ?? 'INTERNAL';
    const retryAfter =
      code === 'RATE_LIMITED'
        ? retryAfterSeconds(response.headers.get('Retry-After'))
        : null;
    return new ApiError(
      response.status,
      code,
      fallbackMessage(code, retryAfter),
    );
  }
}

function fieldErrorsOf(body: ApiErrorBody): Record<string, string> {
  const errors: unknown = body.errors;
  if (typeof errors !== 'object' || errors === null) return {};
  return Object.fromEntries(
    Object.entries(errors).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date)
    ? null
    : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function describeSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function fallbackMessage(code: ErrorCode, retryAfter: number | null): string {
  switch (code) {
    case 'RATE_LIMITED':
      return retryAfter === null
        ? 'Too many attempts. Please wait a moment and try again.'
        : `Too many attempts. Try again in ${describeSeconds(retryAfter)}.`;
    case 'FORBIDDEN':
      return 'You do not have access to this.';
    case 'NOT_FOUND':
      return 'That could not be found.';
    case 'SERVICE_UNAVAILABLE':
      return 'The service is temporarily unavailable. Please try again shortly.';
    default:
      return 'Something went wrong. Please try again.';
  }
}
