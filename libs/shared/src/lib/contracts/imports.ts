import { PageQuery } from './pagination';

export const IMPORT_KINDS = ['customers', 'responses'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];
export type ImportStatusName = 'queued' | 'running' | 'completed' | 'failed';

export interface ImportColumn {
  name: string;
  required: boolean;
  description: string;
}

/** The CSV columns each import kind reads; headers are matched case-insensitively. */
export const IMPORT_COLUMNS: Record<ImportKindName, readonly ImportColumn[]> = {
  customers: [
    {
      name: 'email',
      required: true,
      description:
        'Unique email address; an existing customer with it is updated',
    },
    { name: 'name', required: true, description: 'Full name' },
    { name: 'external_id', required: false, description: 'Your CRM id' },
    {
      name: 'purchase_count',
      required: false,
      description: 'Whole number of purchases',
    },
    {
      name: 'purchase_value',
      required: false,
      description: 'Total spent, e.g. 129.90',
    },
    {
      name: 'first_purchase_at',
      required: false,
      description: 'ISO date, e.g. 2025-03-01',
    },
    { name: 'last_purchase_at', required: false, description: 'ISO date' },
    {
      name: 'consent_email',
      required: false,
      description: 'true/false, yes/no or 1/0',
    },
    {
      name: 'consent_marketing',
      required: false,
      description: 'true/false, yes/no or 1/0',
    },
  ],
  responses: [
    {
      name: 'survey_id',
      required: true,
      description: 'Id of an existing survey (NPS 0–10, CSAT 1–5)',
    },
    {
      name: 'score',
      required: true,
      description: 'Whole number in the survey’s range',
    },
    {
      name: 'responded_at',
      required: true,
      description: 'ISO date or date-time',
    },
    {
      name: 'customer_external_id',
      required: false,
      description: 'CRM id of an existing customer (this or email)',
    },
    {
      name: 'customer_email',
      required: false,
      description: 'Email of an existing customer (this or external id)',
    },
    {
      name: 'external_id',
      required: false,
      description: 'Your response id; rows with a known id are skipped',
    },
    { name: 'comment', required: false, description: 'Free text' },
  ],
};

export interface ImportJobSummary {
  id: string;
  kind: ImportKindName;
  filename: string;
  sizeBytes: number;
  status: ImportStatusName;
  processedRows: number;
  /** Bytes of the file read so far; equals sizeBytes once the job has finished reading. */
  processedBytes: number;
  insertedRows: number;
  duplicateRows: number;
  errorRows: number;
  failureReason: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportQuery extends PageQuery {
  kind?: ImportKindName;
}
