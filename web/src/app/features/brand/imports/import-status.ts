import { ImportJobSummary, ImportStatusName } from '@advocacy/shared';
import { ApiError } from '../../../core/api/api-error';

export const IMPORT_STATUS_LABELS: Record<ImportStatusName, string> = {
  queued: 'Waiting',
  running: 'Importing',
  completed: 'Completed',
  failed: 'Failed',
};

/** Queued and running jobs still change, so the page keeps asking for their progress. */
export function isActive(job: Pick<ImportJobSummary, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** The server's own words for a refused file (400 empty or missing columns, 413 too large, 415 not a CSV), with what to do. */
export function uploadMessage(error: unknown): string {
  if (!(error instanceof ApiError))
    return 'The file could not be uploaded. Please try again.';
  const base = error.message.replace(/\.$/, '');
  if (error.status === 413)
    return `${base}. Split the file into smaller parts and upload each.`;
  if (error.status === 415)
    return `${base}. Save the sheet as CSV (comma-separated) and try again.`;
  return `${base}.`;
}
