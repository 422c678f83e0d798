import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { AppModule } from '../app.module';
import { createValidationPipe } from '../common/errors';
import { GLOBAL_PREFIX, PREFIX_EXCLUDES } from '../common/http/routing';
import { AppConfig, loadConfig } from '../config/app-config';
import { AppLogger, createPino } from '../logging/app-logger';
import { RedirectService } from '../referrals/redirect/redirect.service';
import { registerRedirectRoute } from '../referrals/redirect/redirect.route';
import { setupOpenApi } from './openapi';
import { registerSecurityHeaders } from './security-headers';
import { servePortal } from './serve-portal';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Hot or noisy paths that would drown the request log. */
const UNLOGGED = /^\/(r\/|api\/health)/;

export async function createApp(): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const pino = createPino(config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    loggerInstance: pino,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.isProduction ? 1 : false,
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming)
        ? incoming
        : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    adapter,
    {
      logger: new AppLogger(pino),
      rawBody: true,
      bufferLogs: true,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // Callback-style hooks: they run on every request, including the redirect, and cost less than async ones.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (UNLOGGED.test(request.url)) return done();
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });
  await app.register(fastifyCookie);
  registerSecurityHeaders(fastify);
  // Uploads are streamed to disk by the imports feature; the limits bound what one request may send.
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: config.IMPORT_MAX_BYTES,
      files: 1,
      fields: 5,
      parts: 6,
    },
  });
  registerRedirectRoute(fastify, app.get(RedirectService), app.get(AppConfig));
  app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: PREFIX_EXCLUDES });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupOpenApi(app);
  await servePortal(app, app.get(AppConfig));
  return app;
}
