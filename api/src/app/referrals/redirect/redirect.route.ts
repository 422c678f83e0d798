import { FastifyInstance, FastifyReply } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { CLICK_COOKIE, linkNotFoundPage } from './link-not-found.page';
import { RedirectService } from './redirect.service';

export const REDIRECT_ROUTE = '/r/:code';

/**
 * The share-link redirect is the hottest path, so it is a bare Fastify route: no Nest
 * pipeline and no security headers (a 302 renders nothing). It stays deny-by-default
 * compliant by being listed as a public route in the route inventory.
 */
export function registerRedirectRoute(
  fastify: FastifyInstance,
  redirects: RedirectService,
  config: AppConfig,
): void {
  const cookieTail = `; Path=/; HttpOnly; SameSite=Lax${config.isProduction ? '; Secure' : ''}`;
  const notFound = linkNotFoundPage(config.PUBLIC_URL);
  const sendNotFound = (reply: FastifyReply) =>
    reply
      .status(404)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(notFound);

  fastify.get<{ Params: { code: string } }>(
    REDIRECT_ROUTE,
    { config: { securityHeaders: false } },
    async (request, reply) => {
      const decision = await redirects.visit({
        code: request.params.code,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        referrer: request.headers.referer ?? null,
      });
      if (!decision) return sendNotFound(reply);
      return reply
        .code(302)
        .headers({
          location: decision.location,
          'set-cookie': `${CLICK_COOKIE}=${decision.clickId}; Max-Age=${decision.cookieMaxAgeSeconds}${cookieTail}`,
          'cache-control': 'no-store',
        })
        .send();
    },
  );
}
