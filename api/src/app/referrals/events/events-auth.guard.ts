import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ApiKeyVerifier, AuthedRequest } from '../../common/access';
import { DomainError } from '../../common/errors';
import { AppConfig } from '../../config/app-config';
import { verifyWebhook } from './webhook-signature';

export const EVENTS_SCOPE = 'events:write';

/**
 * The route is `@Public()` because the access guard allows one rule per route, and brand systems
 * may prove themselves either with an `events:write` API key or a Standard Webhooks signature.
 */
@Injectable()
export class EventsAuthGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly apiKeys: ApiKeyVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<AuthedRequest & { rawBody?: Buffer }>();
    const signature = header(request, 'webhook-signature');
    if (signature === undefined) {
      if (!request.headers['x-api-key'] && !request.headers.authorization)
        throw new DomainError(
          'UNAUTHENTICATED',
          'Send an API key with the events:write scope or a webhook signature',
        );
      await this.apiKeys.verify(request, EVENTS_SCOPE);
      return true;
    }
    const secret = this.config.EVENTS_WEBHOOK_SECRET;
    if (!secret)
      throw new DomainError(
        'UNAUTHENTICATED',
        'Signed events are not enabled; use an API key',
        { 'webhook-signature': 'no webhook secret is configured' },
      );
    const check = verifyWebhook(
      secret,
      {
        id: header(request, 'webhook-id'),
        timestamp: header(request, 'webhook-timestamp'),
        signature,
      },
      request.rawBody ?? Buffer.alloc(0),
    );
    if (!check.ok)
      throw new DomainError(
        'UNAUTHENTICATED',
        `The webhook signature was refused: ${check.field} ${check.reason}`,
        { [check.field]: check.reason },
      );
    return true;
  }
}

function header(request: AuthedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
