import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** Flattens nested class-validator errors into `{ 'a.b[0].c': message }`. */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    const path = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const messages = Object.values(error.constraints ?? {});
    // The form shows the message under its field, so the field's own name is dropped from it.
    if (messages.length > 0)
      result[path] = messages[0]
        .replace(/^property (\S+) should not exist$/, 'is not a known field')
        .replace(new RegExp(`^${error.property} `), '');
    Object.assign(result, flattenValidationErrors(error.children ?? [], path));
  }
  return result;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) =>
      new DomainError(
        'VALIDATION_FAILED',
        'Some fields are invalid',
        flattenValidationErrors(errors),
      ),
  });
}
