import {
  BadRequestException,
  HttpException,
  NotFoundException,
} from '@nestjs/common';
import { DomainError } from './domain-error';
import { toErrorResponse } from './error-body';

describe('toErrorResponse', () => {
  it('maps a domain error to its status, code, fields and headers', () => {
    const error = new DomainError(
      'RATE_LIMITED',
      'Slow down',
      {},
      { 'Retry-After': '30' },
    );
    const result = toErrorResponse(error, 'req-1');
    expect(result.status).toBe(429);
    expect(result.headers).toEqual({ 'Retry-After': '30' });
    expect(result.body).toEqual({
      code: 'RATE_LIMITED',
      message: 'Slow down',
      errors: {},
      requestId: 'req-1',
    });
  });

  it('keeps field errors of a validation failure', () => {
    const error = new DomainError('VALIDATION_FAILED', 'Bad', {
      email: 'must be a valid email address',
    });
    expect(toErrorResponse(error, 'r').body.errors).toEqual({
      email: 'must be a valid email address',
    });
  });

  it('recognises body-parser failures that Nest wrapped', () => {
    const json = new HttpException(
      "Body is not valid JSON but content-type is set to 'application/json'",
      400,
    );
    expect(toErrorResponse(json, 'r').body.code).toBe('MALFORMED_JSON');
    expect(
      toErrorResponse(new HttpException('Request body is too large', 413), 'r'),
    ).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('maps framework HTTP exceptions by status', () => {
    expect(
      toErrorResponse(new NotFoundException('Cannot GET /x'), 'r').body.code,
    ).toBe('NOT_FOUND');
    expect(
      toErrorResponse(new BadRequestException('nope'), 'r').body.code,
    ).toBe('VALIDATION_FAILED');
  });

  it('hides the internals of unknown errors behind a 500 with the request id', () => {
    const result = toErrorResponse(
      new Error('connection string postgres://secret'),
      'req-9',
    );
    expect(result.status).toBe(500);
    expect(result.body.message).not.toContain('secret');
    expect(result.body.requestId).toBe('req-9');
  });
});
