import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig } from '../config/app-config';

/** Serves the built portal from the API's port, with deep links falling back to index.html. */
export async function servePortal(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  const root = config.WEB_DIST ? resolve(config.WEB_DIST) : '';
  if (!root || !existsSync(resolve(root, 'index.html'))) {
    new Logger('Portal').warn(
      `No built portal at "${config.WEB_DIST}"; serving the API only`,
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    maxAge: '1h',
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    if (/^\/(api|r)(\/|$)/.test(request.url)) {
      return reply.status(404).send({
        code: 'NOT_FOUND',
        message: 'No such route',
        errors: {},
        requestId: request.id,
      });
    }
    return reply
      .header('cache-control', 'no-cache')
      .sendFile('index.html', root, { maxAge: 0 });
  });
}
