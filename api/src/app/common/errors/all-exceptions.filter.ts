import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-body';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, headers } = toErrorResponse(
      exception,
      String(request.id),
    );
    if (status >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id, url: request.url },
        'Unhandled error',
      );
    }
    reply.status(status).headers(headers).send(body);
  }
}
