import { ImportJobSummary } from '@advocacy/shared';
import { ImportJob } from './entities/import-job.entity';

export function toImportSummary(job: ImportJob): ImportJobSummary {
  return {
    id: job.id,
    kind: job.kind,
    filename: job.filename,
    sizeBytes: Number(job.sizeBytes),
    status: job.status,
    processedRows: job.processedRows,
    processedBytes: Number(job.processedBytes),
    insertedRows: job.insertedRows,
    duplicateRows: job.duplicateRows,
    errorRows: job.errorRows,
    failureReason: job.failureReason,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
