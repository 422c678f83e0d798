import { SurveyKindName } from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { parse } from 'csv-parse';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { AppConfig } from '../config/app-config';
import { QUEUES, SegmentJobs } from '../queues/queue-names';
import { ImportJob } from './entities/import-job.entity';
import {
  customersHandler,
  ImportKindHandler,
  MergeResult,
  responsesHandler,
} from './import-kinds';
import { ProgressWriter } from './progress-writer';
import { readDelimiter } from './read-delimiter';
import { copyText } from './row-parsers';

const CHUNK_CHARS = 256 * 1024;
const PROGRESS_EVERY = 20_000;

/** Streams a stored CSV through validation into a TEMP table with one COPY, then merges it in one transaction. */
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
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    try {
      await client.connect();
      const result = await this.load(client, job);
      await this.openCases(importId, result.npsCustomerIds);
      if (job.kind === 'responses' && result.inserted > 0) {
        await this.segments.add('recompute', {
          reason: 'import',
        } satisfies SegmentJobs['recompute']);
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
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
    } finally {
      await client.end().catch(() => undefined);
      await rm(job.storagePath, { force: true });
    }
  }

  /**
   * Imported detractors get their follow-up like any other answer; history is not replayed as
   * webhooks. The import has committed by now, so a failure here must not mark it failed.
   */
  private async openCases(importId: string, customerIds: string[]) {
    if (customerIds.length === 0) return;
    try {
      await this.db.transaction((manager) =>
        this.cases.openMissing(manager, customerIds),
      );
    } catch (error) {
      this.logger.error(
        { err: error, importId },
        'Opening follow-up cases after an import failed',
      );
    }
  }

  private async load(client: Client, job: ImportJob): Promise<MergeResult> {
    const started = performance.now();
    const handler = await this.handlerFor(job.kind);
    await client.query("SET TIME ZONE 'UTC'");
    // The stage is session-private: big local buffers keep it in memory, and a crash only fails the job.
    await client.query("SET temp_buffers = '256MB'");
    await client.query('SET synchronous_commit = off');
    await client.query(
      `CREATE TEMP TABLE import_stage (row_number integer, error_column text, error_reason text, ${handler.stageColumns})`,
    );
    // Commas inside a type such as numeric(14,2) do not separate columns.
    const columnCount = handler.stageColumns.split(/,(?![^(]*\))/).length;
    const nulls = '\t\\N'.repeat(columnCount);

    const delimiter = await readDelimiter(job.storagePath);
    const parser = createReadStream(job.storagePath).pipe(
      parse({
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        trim: true,
      }),
    );
    // One COPY for valid and refused rows alike, written with backpressure so memory stays flat.
    const copy = client.query(copyFrom('COPY import_stage FROM STDIN'));
    let copyError: Error | null = null;
    // Kept until the next write: an unheard 'error' event would crash the worker.
    copy.on('error', (error: Error) => (copyError = error));
    const progress = new ProgressWriter(this.db, job.id);
    let index: Map<string, number> | null = null;
    let rowNumber = 1;
    let processed = 0;
    let errorRows = 0;
    let chunk = '';

    for await (const record of parser as AsyncIterable<string[]>) {
      if (!index) {
        index = new Map(
          record.map((name, i) => [name.trim().toLowerCase(), i]),
        );
        continue;
      }
      rowNumber++;
      if (record.length === 1 && record[0] === '') continue;
      processed++;
      const columns = index;
      const line = handler.toCopyLine((name) => {
        const i = columns.get(name);
        return i === undefined ? '' : (record[i] ?? '');
      });
      if (typeof line === 'string')
        chunk += `${rowNumber}\t\\N\t\\N\t${line}\n`;
      else {
        errorRows++;
        chunk += `${rowNumber}\t${copyText(line.column)}\t${copyText(line.reason)}${nulls}\n`;
      }
      if (chunk.length >= CHUNK_CHARS) {
        if (copyError) throw copyError;
        const flushed = copy.write(chunk);
        chunk = '';
        if (!flushed) await once(copy, 'drain');
      }
      if (processed % PROGRESS_EVERY === 0)
        progress.report(processed, parser.info.bytes);
    }
    copy.end(chunk);
    await finished(copy);
    await progress.settled();
    await this.db
      .getRepository(ImportJob)
      .update(
        { id: job.id },
        { processedRows: processed, processedBytes: job.sizeBytes },
      );

    // Fresh statistics let the planner hash-join the stage with customers instead of looping.
    await client.query('ANALYZE import_stage');
    const staged = performance.now();
    await client.query('BEGIN');
    // Sorts and hashes of a million-row stage stay in memory instead of spilling to disk.
    await client.query("SET LOCAL work_mem = '256MB'");
    const merged = await handler.merge(client, job.id);
    await client.query(
      `INSERT INTO import_row_errors (import_id, row_number, column_name, reason)
       SELECT $1, row_number, error_column, error_reason FROM import_stage WHERE error_column IS NOT NULL`,
      [job.id],
    );
    await client.query(
      `UPDATE import_jobs SET status = 'completed', processed_rows = $2, inserted_rows = $3,
              duplicate_rows = $4, error_rows = $5, finished_at = now() WHERE id = $1`,
      [
        job.id,
        processed,
        merged.inserted,
        merged.duplicates,
        errorRows + merged.refused,
      ],
    );
    await client.query('COMMIT');
    this.logger.log(
      `Import ${job.id}: ${processed} rows staged in ${Math.round(staged - started)} ms, merged in ${Math.round(performance.now() - staged)} ms`,
    );
    return merged;
  }

  private async handlerFor(
    kind: ImportJob['kind'],
  ): Promise<ImportKindHandler> {
    if (kind === 'customers') return customersHandler();
    const surveys = await this.db.query<{ id: string; kind: SurveyKindName }[]>(
      'SELECT id, kind FROM surveys',
    );
    return responsesHandler(new Map(surveys.map((s) => [s.id, s.kind])));
  }
}
