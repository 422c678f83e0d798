import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../../database/sql';
import { isUniqueViolation } from '../../database/unique-violation';
import { sha256 } from '../crypto/hash';
import { DomainError, invalid } from '../errors';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const MAX_KEY_LENGTH = 255;
export interface IdempotentRequest {
  /** Whose key space this is, e.g. `user:<id>`. */
  scope: string;
  /** The raw header value (undefined when absent). */
  key: string | string[] | undefined;
  /** Method and route pattern, e.g. `POST rewards/:id/claim`, plus the concrete path. */
  route: string;
  body: unknown;
}

export interface IdempotentResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * The work of an idempotent request as common table expressions: `ctes(params, gate)` pushes its
 * parameters onto `params`, does its writes only while the SQL condition `gate` holds, and ends in
 * a CTE `answer` with one row (column `body`, jsonb) when the work was done and none when it could
 * not be. The body is stored as is and turned into the response by `render`, first time and replay.
 */
export interface IdempotentWork<T> {
  ctes: (params: unknown[], gate: string) => string;
  status: number;
  render: (body: unknown) => T;
}

interface KeyRow {
  request_hash: string | null;
  response_status: number | null;
  response_body: unknown;
}

interface StatementRow extends KeyRow {
  locked: boolean;
  answer: unknown;
}

/**
 * IETF Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the first request with a key
 * runs; the same key and body again replays the stored answer; a different body is refused with
 * 422; a retry while the first still runs gets 409. The key claim, the work and the stored answer
 * are one statement (claims are round-trip bound): a crash or a refusal leaves nothing behind and
 * the caller may simply retry. A statement-scoped advisory lock on the key tells concurrent retries
 * the first is in progress; a retry that started before the first committed finds the stored key
 * by the unique index (or, when the work could no longer be done, by reading it again).
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Answers null when the work could not be done (nothing stored): the caller explains why. */
  async execute<T>(
    request: IdempotentRequest,
    work: IdempotentWork<T>,
  ): Promise<IdempotentResponse<T> | null> {
    const key = validKey(request.key);
    const hash = sha256(
      `${request.route}\n${stableJson(request.body ?? null)}`,
    );
    const params: unknown[] = [request.scope, key, request.route, hash];
    const ctes = work.ctes(params, 'EXISTS (SELECT FROM fresh)');
    let row: StatementRow;
    try {
      [row] = await queryPrepared<StatementRow>(
        this.db,
        `WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0)) AS ok),
              existing AS (SELECT request_hash, response_status, response_body FROM idempotency_keys
                            WHERE scope = $1 AND key = $2),
              fresh AS (SELECT FROM lock WHERE ok AND NOT EXISTS (SELECT FROM existing)),
              ${ctes},
              stored AS (INSERT INTO idempotency_keys (scope, key, route, request_hash, status, response_status, response_body)
                         SELECT $1, $2, $3, $4, 'done', ${Number(work.status)}, body FROM answer)
         SELECT lock.ok AS locked, answer.body AS answer, e.request_hash, e.response_status, e.response_body
           FROM lock LEFT JOIN answer ON true LEFT JOIN existing e ON true`,
        params,
      );
    } catch (error) {
      // Another request stored this key after this statement began: its answer decides.
      if (!isUniqueViolation(error, 'idempotency_keys_scope_key')) throw error;
      return this.answerStored(request.scope, key, hash, work);
    }
    if (row.answer !== null)
      return {
        status: work.status,
        body: work.render(row.answer),
        replayed: false,
      };
    if (row.request_hash !== null) return answerExisting(row, hash, work);
    if (!row.locked) throw inProgress();
    return this.answerStored(request.scope, key, hash, work);
  }

  /** Keys only guard retries, which come within minutes; older ones are dropped in batches. */
  async purgeOlderThan(hours: number, limit = 5000): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `WITH gone AS (DELETE FROM idempotency_keys WHERE id IN (
                       SELECT id FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)
                     RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [hours, limit],
    );
    return rows[0].n;
  }

  /** A key stored after this request's statement began, or null when there is none. */
  private async answerStored<T>(
    scope: string,
    key: string,
    hash: string,
    work: IdempotentWork<T>,
  ): Promise<IdempotentResponse<T> | null> {
    const [row]: KeyRow[] = await this.db.query(
      `SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return row ? answerExisting(row, hash, work) : null;
  }
}

/** Keys are stored with their answer in one statement, so a visible key is a finished request. */
function answerExisting<T>(
  row: KeyRow,
  hash: string,
  work: IdempotentWork<T>,
): IdempotentResponse<T> {
  if (row.request_hash !== hash) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request',
      { [IDEMPOTENCY_HEADER]: 'was already used for a different request' },
    );
  }
  return {
    status: row.response_status ?? work.status,
    body: work.render(row.response_body),
    replayed: true,
  };
}

function inProgress(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_IN_PROGRESS',
    'A request with this Idempotency-Key is still being processed',
    {
      [IDEMPOTENCY_HEADER]: 'is still being processed; retry shortly',
    },
  );
}

export function isValidIdempotencyKey(
  raw: string | string[] | undefined,
): boolean {
  try {
    validKey(raw);
    return true;
  } catch {
    return false;
  }
}

function validKey(raw: string | string[] | undefined): string {
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || key.length === 0)
    throw invalid({ [IDEMPOTENCY_HEADER]: 'is required' });
  if (key.length > MAX_KEY_LENGTH)
    throw invalid({
      [IDEMPOTENCY_HEADER]: `must be at most ${MAX_KEY_LENGTH} characters`,
    });
  if (!/^[\x21-\x7e]+$/.test(key))
    throw invalid({ [IDEMPOTENCY_HEADER]: 'must be visible ASCII characters' });
  return key;
}

/** JSON with sorted keys, so the same body always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
