import { ApiErrorBody } from '@advocacy/shared';
import { HttpException } from '@nestjs/common';
import { codeForStatus, ERROR_STATUS } from './error-status';
import { DomainError } from './domain-error';

export interface ErrorResponse {
  status: number;
  body: ApiErrorBody;
  headers: Record<string, string>;
}

interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Maps anything thrown during a request to one status and one body shape. */
export function toErrorResponse(
  error: unknown,
  requestId: string,
): ErrorResponse {
  if (error instanceof DomainError) {
    return {
      status: ERROR_STATUS[error.code],
      body: {
        code: error.code,
        message: error.message,
        errors: error.errors,
        requestId,
      },
      headers: error.headers,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : String((response as { message?: unknown }).message ?? error.message);
    // Nest turns Fastify's body-parser errors into plain HttpExceptions, dropping their codes.
    if (status === 400 && /JSON/i.test(message)) {
      return respond(
        400,
        'MALFORMED_JSON',
        'The request body is not valid JSON',
        requestId,
      );
    }
    if (status === 413)
      return respond(
        413,
        'PAYLOAD_TOO_LARGE',
        'The request body is too large',
        requestId,
      );
    return {
      status,
      body: { code: codeForStatus(status), message, errors: {}, requestId },
      headers: {},
    };
  }
  const framework = error as FrameworkError;
  if (
    framework &&
    typeof framework.statusCode === 'number' &&
    framework.statusCode < 500
  ) {
    const status = framework.statusCode;
    if (framework.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return respond(
        413,
        'PAYLOAD_TOO_LARGE',
        'The request body is too large',
        requestId,
      );
    }
    if (framework.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return respond(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'This content type is not accepted',
        requestId,
      );
    }
    if (
      framework.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError ||
      framework.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
    ) {
      return respond(
        400,
        'MALFORMED_JSON',
        'The request body is not valid JSON',
        requestId,
      );
    }
    return respond(
      status,
      codeForStatus(status),
      framework.message ?? 'Bad request',
      requestId,
    );
  }
  return respond(
    500,
    'INTERNAL',
    'Something went wrong on our side; quote the request id when reporting it',
    requestId,
  );
}

function respond(
  status: number,
  code: ApiErrorBody['code'],
  message: string,
  requestId: string,
): ErrorResponse {
  return {
    status,
    body: { code, message, errors: {}, requestId },
    headers: {},
  };
}
