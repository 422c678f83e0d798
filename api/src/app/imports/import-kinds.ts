import { scoreRange, SurveyKindName } from '@advocacy/shared';
import { Client } from 'pg';
import {
  copyText,
  isEmail,
  isUuid,
  parseAmount,
  parseFlag,
  parseIsoInstant,
  parseWhole,
} from './row-parsers';

export interface RowError {
  column: string;
  reason: string;
}

export interface MergeResult {
  inserted: number;
  duplicates: number;
  /** Rows refused at merge time, e.g. a customer reference that matches nobody. */
  refused: number;
  /** Customers who got a new NPS answer, whose follow-up cases may need opening. */
  npsCustomerIds: string[];
}

/** How one kind of CSV is checked, staged and merged; rows are arrays of cells. */
export interface ImportKindHandler {
  /** Columns of the TEMP staging table, in COPY order, after `row_number, error_column, error_reason`. */
  stageColumns: string;
  /** The COPY text fields of a valid row, or the reason it is refused. */
  toCopyLine(cell: (name: string) => string): string | RowError;
  /** Merges the stage's valid rows (`error_column IS NULL`). */
  merge(client: Client, importId: string): Promise<MergeResult>;
}

const MAX_TEXT = 2000;
const MAX_FUTURE_MS = 86_400_000;

export function responsesHandler(
  surveys: Map<string, SurveyKindName>,
): ImportKindHandler {
  return {
    stageColumns:
      'external_id text, survey_id uuid, customer_external_id text, customer_email text, kind text, score smallint, comment text, responded_at timestamptz',
    toCopyLine(cell) {
      const surveyId = cell('survey_id').toLowerCase();
      if (!isUuid(surveyId))
        return { column: 'survey_id', reason: 'must be a survey id (UUID)' };
      const kind = surveys.get(surveyId);
      if (!kind)
        return { column: 'survey_id', reason: 'no survey has this id' };
      const { min, max } = scoreRange(kind);
      const rawScore = cell('score');
      if (rawScore === '') return { column: 'score', reason: 'is required' };
      const score = parseWhole(rawScore, min, max);
      if (score === null)
        return {
          column: 'score',
          reason: `must be a whole number from ${min} to ${max}`,
        };
      const rawAt = cell('responded_at');
      const at = parseIsoInstant(rawAt);
      if (!at)
        return {
          column: 'responded_at',
          reason:
            'must be an ISO date, e.g. 2025-03-01 or 2025-03-01T10:30:00Z',
        };
      if (at.getTime() > Date.now() + MAX_FUTURE_MS)
        return { column: 'responded_at', reason: 'is in the future' };
      const externalCustomer = cell('customer_external_id');
      const email = cell('customer_email').toLowerCase();
      if (!externalCustomer && !email) {
        return {
          column: 'customer_external_id',
          reason: 'customer_external_id or customer_email is required',
        };
      }
      if (email && !isEmail(email))
        return {
          column: 'customer_email',
          reason: 'must be a valid email address',
        };
      const comment = cell('comment');
      if (comment.length > MAX_TEXT)
        return {
          column: 'comment',
          reason: `must be at most ${MAX_TEXT} characters`,
        };
      const externalId = cell('external_id');
      if (externalId.length > 120)
        return {
          column: 'external_id',
          reason: 'must be at most 120 characters',
        };
      return `${copyText(externalId || null)}\t${surveyId}\t${copyText(externalCustomer || null)}\t${copyText(email || null)}\t${kind}\t${score}\t${copyText(comment || null)}\t${at.toISOString()}`;
    },
    async merge(client, importId) {
      const { rows } = await client.query<{
        total: string;
        refused: string;
        inserted: string;
        nps_customer_ids: string[];
      }>(
        `WITH resolved AS (
           SELECT s.*, coalesce(cx.id, ce.id) AS customer_id
             FROM import_stage s
             LEFT JOIN customers cx ON cx.external_id = s.customer_external_id
             LEFT JOIN customers ce ON cx.id IS NULL AND ce.email = s.customer_email
            WHERE s.error_column IS NULL
         ), refused AS (
           INSERT INTO import_row_errors (import_id, row_number, column_name, reason)
           SELECT $1, row_number,
                  CASE WHEN customer_external_id IS NOT NULL THEN 'customer_external_id' ELSE 'customer_email' END,
                  'no customer matches this reference'
             FROM resolved WHERE customer_id IS NULL
           RETURNING 1
         ), inserted AS (
           INSERT INTO survey_responses (external_id, survey_id, customer_id, kind, score, comment, channel, responded_at)
           SELECT external_id, survey_id, customer_id, kind, score, comment, 'import', responded_at
             FROM resolved WHERE customer_id IS NOT NULL
           ON CONFLICT DO NOTHING
           RETURNING customer_id, kind
         )
         SELECT (SELECT count(*) FROM resolved) AS total,
                (SELECT count(*) FROM refused) AS refused,
                (SELECT count(*) FROM inserted) AS inserted,
                (SELECT coalesce(array_agg(DISTINCT customer_id), '{}') FROM inserted WHERE kind = 'nps') AS nps_customer_ids`,
        [importId],
      );
      const total = Number(rows[0].total);
      const refused = Number(rows[0].refused);
      const inserted = Number(rows[0].inserted);
      return {
        inserted,
        refused,
        duplicates: total - refused - inserted,
        npsCustomerIds: rows[0].nps_customer_ids,
      };
    },
  };
}

export function customersHandler(): ImportKindHandler {
  return {
    stageColumns:
      'email text, name text, external_id text, purchase_count integer, purchase_value numeric(14,2), first_purchase_at timestamptz, last_purchase_at timestamptz, consent_email boolean, consent_marketing boolean',
    toCopyLine(cell) {
      const email = cell('email').toLowerCase();
      if (!email) return { column: 'email', reason: 'is required' };
      if (!isEmail(email))
        return { column: 'email', reason: 'must be a valid email address' };
      const name = cell('name');
      if (!name) return { column: 'name', reason: 'is required' };
      if (name.length > 200)
        return { column: 'name', reason: 'must be at most 200 characters' };
      const externalId = cell('external_id');
      if (externalId.length > 120)
        return {
          column: 'external_id',
          reason: 'must be at most 120 characters',
        };
      const values: (string | number | boolean | null)[] = [
        email,
        name,
        externalId || null,
      ];
      const count = optional(cell('purchase_count'), (v) =>
        parseWhole(v, 0, 1_000_000),
      );
      if (count === undefined)
        return { column: 'purchase_count', reason: 'must be a whole number' };
      const value = optional(cell('purchase_value'), parseAmount);
      if (value === undefined)
        return {
          column: 'purchase_value',
          reason: 'must be an amount such as 129.90',
        };
      values.push(count, value);
      for (const column of ['first_purchase_at', 'last_purchase_at']) {
        const at = optional(
          cell(column),
          (v) => parseIsoInstant(v)?.toISOString() ?? null,
        );
        if (at === undefined)
          return { column, reason: 'must be an ISO date, e.g. 2025-03-01' };
        values.push(at);
      }
      for (const column of ['consent_email', 'consent_marketing']) {
        const flag = optional(cell(column), parseFlag);
        if (flag === undefined)
          return { column, reason: 'must be true/false, yes/no or 1/0' };
        values.push(flag);
      }
      return values.map(copyText).join('\t');
    },
    async merge(client, _importId) {
      const { rows } = await client.query<{ total: string; inserted: string }>(
        `WITH inserted AS (
           INSERT INTO customers (email, name, external_id, purchase_count, purchase_value,
                                  first_purchase_at, last_purchase_at, consent_email, consent_marketing)
           SELECT email, name, external_id, coalesce(purchase_count, 0), coalesce(purchase_value, 0),
                  first_purchase_at, last_purchase_at, coalesce(consent_email, false), coalesce(consent_marketing, false)
             FROM import_stage WHERE error_column IS NULL ORDER BY row_number
           ON CONFLICT DO NOTHING
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM import_stage WHERE error_column IS NULL) AS total, (SELECT count(*) FROM inserted) AS inserted`,
      );
      const inserted = Number(rows[0].inserted);
      return {
        inserted,
        refused: 0,
        duplicates: Number(rows[0].total) - inserted,
        npsCustomerIds: [],
      };
    },
  };
}

/** Empty cells are null; a bad value is undefined. */
function optional<T>(
  raw: string,
  parse: (value: string) => T | null,
): T | null | undefined {
  if (raw === '') return null;
  const value = parse(raw);
  return value === null ? undefined : value;
}
