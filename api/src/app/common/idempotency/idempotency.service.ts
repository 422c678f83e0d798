import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PoolClient, QueryResult } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
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

interface KeyRow {
  locked: boolean;
  inserted_id: string | null;
  request_hash: string | null;
  response_status: number | null;
  response_body: unknown;
}

/**
 * IETF Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the first request with a key
 * runs; the same key and body again replays the stored answer; a different body is refused with
 * 422; a retry while the first still runs gets 409. Insert-first, inside the same transaction as
 * the work: the key row, the work and the stored answer commit together, so a crash or a failure
 * leaves nothing behind and the caller may simply retry. While the first request runs, a
 * transaction-scoped advisory lock on the key tells concurrent retries it is in progress.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute<T>(
    request: IdempotentRequest,
    handler: (manager: EntityManager) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResponse<T>> {
    const key = validKey(request.key);
    const hash = sha256(
      `${request.route}\n${stableJson(request.body ?? null)}`,
    );
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const literal = (value: string) => client.escapeLiteral(value);
    let open = false;
    try {
      // Claims are round-trip bound, so BEGIN rides with the key claim and COMMIT with the stored
      // answer: three round trips in all. Literals are escaped by the driver (multi-statement
      // queries cannot take parameters); the key is visible ASCII and the rest is ours.
      open = true;
      const results = (await client.query(
        `BEGIN;
         WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtextextended(${literal(request.scope)} || ':' || ${literal(key)}, 0)) AS ok),
              inserted AS (INSERT INTO idempotency_keys (scope, key, route, request_hash)
                           SELECT ${literal(request.scope)}, ${literal(key)}, ${literal(request.route)}, ${literal(hash)} FROM lock WHERE ok
                           ON CONFLICT (scope, key) DO NOTHING RETURNING id)
         SELECT lock.ok AS locked, inserted.id AS inserted_id, k.request_hash, k.response_status, k.response_body
           FROM lock LEFT JOIN inserted ON true
           LEFT JOIN idempotency_keys k ON inserted.id IS NULL AND k.scope = ${literal(request.scope)} AND k.key = ${literal(key)}`,
      )) as unknown as QueryResult<KeyRow>[];
      const row = results[1].rows[0];
      if (row.inserted_id === null) {
        await client.query('ROLLBACK');
        open = false;
        return this.answerExisting<T>(row, hash);
      }
      const result = await handler(runner.manager);
      await client.query(
        `UPDATE idempotency_keys SET status = 'done', response_status = ${Number(result.status)},
                response_body = ${literal(JSON.stringify(result.body ?? null))}
          WHERE id = ${literal(row.inserted_id)};
         COMMIT`,
      );
      open = false;
      return { ...result, replayed: false };
    } finally {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
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

  private answerExisting<T>(row: KeyRow, hash: string): IdempotentResponse<T> {
    // Rows only become visible once their request committed, so a visible row is a finished one.
    if (row.request_hash !== null && row.request_hash !== hash) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request',
        { [IDEMPOTENCY_HEADER]: 'was already used for a different request' },
      );
    }
    if (row.request_hash !== null && row.response_status !== null)
      return {
        status: row.response_status,
        body: row.response_body as T,
        replayed: true,
      };
    throw inProgress();
  }
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
