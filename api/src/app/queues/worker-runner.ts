import { WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { AppConfig } from '../config/app-config';

/**
 * Processors are declared with `autorun: false`; this starts them only where the
 * process is meant to work jobs (the API by default, or a worker started alone).
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerRunner.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.RUN_WORKERS) return;
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter(
        (instance): instance is WorkerHost => instance instanceof WorkerHost,
      );
    for (const host of hosts) {
      void host.worker
        .run()
        .catch((error: unknown) =>
          this.logger.error({ err: error }, 'Worker stopped'),
        );
    }
    this.logger.log(
      `Started ${hosts.length} queue worker(s): ${hosts.map((h) => h.worker.name).join(', ')}`,
    );
  }
}
