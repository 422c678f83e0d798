import { SurveyKindName } from '@advocacy/shared';
import { parse } from 'csv-parse';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ImportKind } from './entities/import-job.entity';
import {
  customersHandler,
  ImportKindHandler,
  MergeResult,
  responsesHandler,
} from './import-kinds';
import { readDelimiter } from './read-delimiter';
import { copyText } from './row-parsers';

const CHUNK_CHARS = 256 * 1024;
const PROGRESS_EVERY = 20_000;

/** What the staging worker needs to load one stored file. */
export interface ImportLoadInput {
  importId: string;
  kind: ImportKind;
  storagePath: string;
  sizeBytes: string;
  databaseUrl: string;
  /** Survey ids and kinds, for checking responses. */
  surveys: [string, SurveyKindName][];
}

export interface ImportLoadResult extends MergeResult {
  processed: number;
  stagedMs: number;
  mergedMs: number;
}

export type ProgressReport = (processedRows: number, bytes: number) => void;

/**
 * Streams a stored CSV through validation into a TEMP table with one COPY, then merges it and marks
 * the job completed in one transaction. Rolled back whole on any failure.
 */
export async function loadImport(
  input: ImportLoadInput,
  report: ProgressReport,
): Promise<ImportLoadResult> {
  const client = new Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    return await stageAndMerge(client, input, report);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function stageAndMerge(
  client: Client,
  input: ImportLoadInput,
  report: ProgressReport,
): Promise<ImportLoadResult> {
  const started = performance.now();
  const handler: ImportKindHandler =
    input.kind === 'customers'
      ? customersHandler()
      : responsesHandler(new Map(input.surveys));
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

  const delimiter = await readDelimiter(input.storagePath);
  const parser = createReadStream(input.storagePath).pipe(
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
  let index: Map<string, number> | null = null;
  let rowNumber = 1;
  let processed = 0;
  let errorRows = 0;
  let chunk = '';

  for await (const record of parser as AsyncIterable<string[]>) {
    if (!index) {
      index = new Map(record.map((name, i) => [name.trim().toLowerCase(), i]));
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
    if (typeof line === 'string') chunk += `${rowNumber}\t\\N\t\\N\t${line}\n`;
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
    if (processed % PROGRESS_EVERY === 0) report(processed, parser.info.bytes);
  }
  copy.end(chunk);
  await finished(copy);
  // The bar shows the file read whole while the merge runs.
  await client.query(
    'UPDATE import_jobs SET processed_rows = $2, processed_bytes = $3 WHERE id = $1',
    [input.importId, processed, input.sizeBytes],
  );

  // Fresh statistics let the planner hash-join the stage with customers instead of looping.
  await client.query('ANALYZE import_stage');
  const staged = performance.now();
  await client.query('BEGIN');
  // Sorts and hashes of a million-row stage stay in memory instead of spilling to disk.
  await client.query("SET LOCAL work_mem = '256MB'");
  const merged = await handler.merge(client, input.importId);
  await client.query(
    `INSERT INTO import_row_errors (import_id, row_number, column_name, reason)
     SELECT $1, row_number, error_column, error_reason FROM import_stage WHERE error_column IS NOT NULL`,
    [input.importId],
  );
  await client.query(
    `UPDATE import_jobs SET status = 'completed', processed_rows = $2, inserted_rows = $3,
            duplicate_rows = $4, error_rows = $5, finished_at = now() WHERE id = $1`,
    [
      input.importId,
      processed,
      merged.inserted,
      merged.duplicates,
      errorRows + merged.refused,
    ],
  );
  await client.query('COMMIT');
  return {
    ...merged,
    processed,
    stagedMs: staged - started,
    mergedMs: performance.now() - staged,
  };
}
