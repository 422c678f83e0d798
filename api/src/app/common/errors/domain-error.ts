import { ErrorCode } from '@advocacy/shared';

/** A refusal the caller can act on; mapped to HTTP in one place (the exception filter). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new DomainError('NOT_FOUND', `${what} was not found`);
export const forbidden = (message = 'You may not do this') =>
  new DomainError('FORBIDDEN', message);
export const conflict = (
  message: string,
  errors: Record<string, string> = {},
) => new DomainError('CONFLICT', message, errors);
export const invalid = (
  errors: Record<string, string>,
  message = 'Some fields are invalid',
) => new DomainError('VALIDATION_FAILED', message, errors);
export const unprocessable = (
  message: string,
  errors: Record<string, string> = {},
) => new DomainError('UNPROCESSABLE', message, errors);
