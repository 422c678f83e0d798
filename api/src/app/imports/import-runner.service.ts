import { SurveyKindName } from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { AppConfig } from '../config/app-config';
import { QUEUES, SegmentJobs } from '../queues/queue-names';
import { ImportJob } from './entities/import-job.entity';
import { ImportLoadInput, ImportLoadResult } from './import-load';
import type { ImportWorkerMessage } from './import-load.worker';
import { ProgressWriter } from './progress-writer';

/**
 * The parsing thread's heap is capped: its live data is a few records, and without a cap V8 lets a
 * long file's garbage pile up, so the process grew with the size of the file.
 */
const WORKER_LIMITS = {
  maxOldGenerationSizeMb: 48,
  maxYoungGenerationSizeMb: 16,
};

/** Loads a stored CSV in its own thread (parse, COPY into a stage, merge), then follows up here. */
@Injectable()
export class ImportRunnerService {
  private readonly logger = new Logger(ImportRunnerService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
    private readonly config: AppConfig,
    private readonly cases: CasesService,
  ) {}

  async run(importId: string): Promise<void> {
    const jobs = this.db.getRepository(ImportJob);
    const job = await jobs.findOneBy({ id: importId });
    // A finished job is never merged twice, whatever the queue redelivers.
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    await jobs.update(
      { id: importId },
      { status: 'running', processedRows: 0, processedBytes: '0' },
    );
    let result: ImportLoadResult;
    try {
      result = await this.load(job);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ err: error, importId }, 'Import failed');
      await jobs.update(
        { id: importId },
        {
          status: 'failed',
          failureReason: reason.slice(0, 500),
          finishedAt: new Date(),
        },
      );
      return;
    } finally {
      await rm(job.storagePath, { force: true });
    }
    this.logger.log(
      `Import ${job.id}: ${result.processed} rows staged in ${Math.round(result.stagedMs)} ms, merged in ${Math.round(result.mergedMs)} ms`,
    );
    await this.followUp(job, result);
  }

  /**
   * Imported detractors get their follow-up like any other answer (history is not replayed as
   * webhooks), and segments are recomputed. The import has committed by now, so a failure here is
   * logged and never marks it failed.
   */
  private async followUp(job: ImportJob, result: ImportLoadResult) {
    if (result.npsCustomerIds.length > 0)
      await this.logFailure(job, 'Opening follow-up cases', () =>
        this.db.transaction((manager) =>
          this.cases.openMissing(manager, result.npsCustomerIds),
        ),
      );
    if (job.kind === 'responses' && result.inserted > 0)
      await this.logFailure(job, 'Queueing the segment recompute', () =>
        this.segments.add('recompute', {
          reason: 'import',
        } satisfies SegmentJobs['recompute']),
      );
  }

  private async logFailure(
    job: ImportJob,
    what: string,
    step: () => Promise<unknown>,
  ) {
    try {
      await step();
    } catch (error) {
      this.logger.error(
        { err: error, importId: job.id },
        `${what} after an import failed`,
      );
    }
  }

  private async load(job: ImportJob): Promise<ImportLoadResult> {
    const surveys =
      job.kind === 'responses'
        ? (
            await this.db.query<{ id: string; kind: SurveyKindName }[]>(
              'SELECT id, kind FROM surveys',
            )
          ).map((s): [string, SurveyKindName] => [s.id, s.kind])
        : [];
    const input: ImportLoadInput = {
      importId: job.id,
      kind: job.kind,
      storagePath: job.storagePath,
      sizeBytes: job.sizeBytes,
      databaseUrl: this.config.DATABASE_URL,
      surveys,
    };
    const progress = new ProgressWriter(this.db, job.id);
    const worker = new Worker(workerEntry.filename, {
      workerData: input,
      execArgv: workerEntry.execArgv,
      env: workerEntry.env,
      resourceLimits: WORKER_LIMITS,
    });
    try {
      return await new Promise<ImportLoadResult>((done, fail) => {
        worker.on('message', (message: ImportWorkerMessage) => {
          if (message.type === 'progress')
            progress.report(message.processedRows, message.bytes);
          else done(message.result);
        });
        worker.once('error', fail);
        worker.once('exit', (code) =>
          fail(new Error(`The import stopped unexpectedly (exit ${code})`)),
        );
      });
    } finally {
      await progress.settled();
      await worker.terminate();
    }
  }
}

/**
 * The build ships the thread as its own bundle beside main.js; tests and tools that run the
 * TypeScript source start it from the source through the same compiler hook.
 */
const workerEntry = ((): {
  filename: string;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
} => {
  const bundled = resolve(__dirname, 'import-load.js');
  if (existsSync(bundled)) return { filename: bundled };
  return {
    filename: resolve(__dirname, 'import-load.worker.ts'),
    execArgv: ['-r', '@swc-node/register'],
    env: {
      ...process.env,
      SWC_NODE_PROJECT: resolve(__dirname, '../../../tsconfig.source.json'),
    },
  };
})();
