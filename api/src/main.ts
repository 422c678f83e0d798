import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { createApp } from './app/bootstrap/create-app';
import { describeStartupError } from './app/bootstrap/startup-error';
import { AppConfig } from './app/config/app-config';
import { AppLogger, createPino } from './app/logging/app-logger';
import { SeedService } from './app/seed/seed.service';

type Mode = 'serve' | 'worker' | 'seed';

async function serve(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen({ port: config.PORT, host: config.HOST });
  Logger.log(
    `Listening on http://localhost:${config.PORT} (portal, API under /api/v1, docs at /api/docs)`,
    'Main',
  );
}

/** The same build without HTTP: only queue processors run. */
async function worker(): Promise<void> {
  process.env['RUN_WORKERS'] = 'true';
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new AppLogger(createPino(process.env['LOG_LEVEL'] ?? 'info')),
  });
  app.enableShutdownHooks();
  Logger.log('Worker started', 'Main');
}

/** Migrates (on connect) and loads the demo programme, then exits. */
async function seed(): Promise<void> {
  process.env['RUN_WORKERS'] = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new AppLogger(createPino(process.env['LOG_LEVEL'] ?? 'warn')),
  });
  await app.get(SeedService).run();
  await app.close();
}

const mode = (process.argv[2] ?? 'serve') as Mode;
const run = { serve, worker, seed }[mode];
if (!run) {
  console.error(`Unknown mode "${mode}". Use: serve | worker | seed`);
  process.exit(2);
}
run().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
