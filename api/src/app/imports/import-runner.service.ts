import { SurveyKindName } from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { QUEUES, SegmentJobs } from '../queues/queue-names';
import { ImportJob } from './entities/import-job.entity';
import {
  customersHandler,
  ImportKindHandler,
  MergeResult,
  responsesHandler,
} from './import-kinds';
import { readDelimiter } from './read-delimiter';

const BATCH_ROWS = 20_000;
const PROGRESS_EVERY = 20_000;

/** Streams a stored CSV through validation into a TEMP table with COPY, then merges it in one transaction. */
@Injectable()
export class ImportRunnerService {
  private readonly logger = new Logger(ImportRunnerService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.segments) private readonly segments: Queue,
    private readonly config: AppConfig,
  ) {}

  async run(importId: string): Promise<void> {
    const jobs = this.db.getRepository(ImportJob);
    const job = await jobs.findOneBy({ id: importId });
    // A finished job is never merged twice, whatever the queue redelivers.
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    await jobs.update(
      { id: importId },
      { status: 'running', processedRows: 0 },
    );
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    try {
      await client.connect();
      const result = await this.load(client, job);
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

  private async load(client: Client, job: ImportJob): Promise<MergeResult> {
    const started = performance.now();
    const handler = await this.handlerFor(job.kind);
    await client.query("SET TIME ZONE 'UTC'");
    await client.query(
      `CREATE TEMP TABLE import_stage (row_number integer, ${handler.stageColumns})`,
    );
    await client.query(
      'CREATE TEMP TABLE import_stage_errors (row_number integer, column_name text, reason text)',
    );

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
    let index: Map<string, number> | null = null;
    let rowNumber = 1;
    let processed = 0;
    let errorRows = 0;
    let lines: string[] = [];
    let errors: string[] = [];
    let pending: Promise<void> = Promise.resolve();
    // COPY of one batch runs while the next batch is parsed; the client takes one command at a time.
    const flush = async () => {
      const [batch, batchErrors] = [lines, errors];
      [lines, errors] = [[], []];
      await pending;
      pending = (async () => {
        if (batch.length > 0) await copyRows(client, 'import_stage', batch);
        if (batchErrors.length > 0)
          await copyRows(client, 'import_stage_errors', batchErrors);
      })();
    };

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
      }, rowNumber);
      if (typeof line === 'string') lines.push(line);
      else {
        errorRows++;
        errors.push(`${rowNumber}\t${line.column}\t${line.reason}`);
      }
      if (lines.length >= BATCH_ROWS || errors.length >= BATCH_ROWS)
        await flush();
      if (processed % PROGRESS_EVERY === 0) {
        void this.db
          .getRepository(ImportJob)
          .update({ id: job.id }, { processedRows: processed });
      }
    }
    await flush();
    await pending;

    // Fresh statistics let the planner hash-join the stage with customers instead of looping.
    await client.query('ANALYZE import_stage');
    const staged = performance.now();
    await client.query('BEGIN');
    const merged = await handler.merge(client, job.id);
    await client.query(
      `INSERT INTO import_row_errors (import_id, row_number, column_name, reason)
       SELECT $1, row_number, column_name, reason FROM import_stage_errors`,
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

async function copyRows(
  client: Client,
  table: string,
  lines: string[],
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} FROM STDIN`));
  stream.end(`${lines.join('\n')}\n`);
  await finished(stream);
}
