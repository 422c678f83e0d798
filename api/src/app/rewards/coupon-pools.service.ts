import { CouponImportResult, CouponPoolSummary } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/access';
import { invalid, notFound } from '../common/errors';
import { PageQueryDto, toPage } from '../common/pagination/page-query.dto';
import { AuditService } from '../audit/audit.service';
import {
  CreateCouponPoolDto,
  MAX_CODES_PER_IMPORT,
} from './dto/coupon-pool.dto';
import { CouponPool } from './entities/coupon-pool.entity';

interface PoolRow {
  id: string;
  name: string;
  programme_id: string | null;
  low_threshold: number;
  created_at: Date;
  total_codes: string;
  remaining: string;
  total: string;
}

const LISTED = 10;

/** Coupon pools: imported codes, each handed to one reward at most. */
@Injectable()
export class CouponPoolsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto) {
    const rows = await this.rows(
      this.db.manager,
      null,
      query.pageSize,
      query.offset,
    );
    return toPage(
      rows.map(toSummary),
      rows[0] ? Number(rows[0].total) : 0,
      query,
    );
  }

  async create(
    ctx: RequestContext,
    body: CreateCouponPoolDto,
  ): Promise<CouponPoolSummary> {
    return this.db.transaction(async (manager) => {
      if (
        body.programmeId &&
        !(
          await manager.query(
            `SELECT 1 FROM referral_programmes WHERE id = $1`,
            [body.programmeId],
          )
        )[0]
      )
        throw invalid({ programmeId: 'is not a known programme' });
      const pool = await manager.getRepository(CouponPool).save({
        name: body.name.trim(),
        programmeId: body.programmeId,
        lowThreshold: body.lowThreshold,
      });
      const summary = await this.summary(manager, pool.id);
      await this.audit.record(
        ctx,
        {
          action: 'coupon_pool.created',
          entityType: 'coupon_pool',
          entityId: pool.id,
          after: summary,
        },
        manager,
      );
      return summary;
    });
  }

  /** All or nothing: a duplicate inside the list or a code already imported refuses the whole list. */
  async importCodes(
    ctx: RequestContext,
    poolId: string,
    raw: string[],
  ): Promise<CouponImportResult> {
    const codes = raw.map((code) => code.trim());
    if (codes.some((code) => code.length === 0))
      throw invalid({ codes: 'codes must not be empty' });
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const code of codes) (seen.has(code) ? duplicates : seen).add(code);
    if (duplicates.size > 0)
      throw invalid(
        { codes: `duplicates in the list: ${listed([...duplicates])}` },
        'The list repeats some codes',
      );
    return this.db.transaction(async (manager) => {
      if (!(await manager.getRepository(CouponPool).existsBy({ id: poolId })))
        throw notFound('Coupon pool');
      const existing: { code: string }[] = await manager.query(
        `SELECT code FROM coupons WHERE code = ANY($1::text[]) LIMIT 50`,
        [codes],
      );
      if (existing.length > 0)
        throw invalid(
          {
            codes: `already imported: ${listed(existing.map((row) => row.code))}`,
          },
          'Some codes were imported before',
        );
      await manager.query(
        `INSERT INTO coupons (pool_id, code) SELECT $1, unnest($2::text[])`,
        [poolId, codes],
      );
      const pool = await this.summary(manager, poolId);
      await this.audit.record(
        ctx,
        {
          action: 'coupon_pool.imported',
          entityType: 'coupon_pool',
          entityId: poolId,
          after: { added: codes.length, remaining: pool.remaining },
        },
        manager,
      );
      return { pool, added: codes.length };
    });
  }

  /** A CSV with one code per row, in a column named `code` or the first column. */
  parseCsv(text: string): string[] {
    let records: string[][];
    try {
      records = parse(text, {
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
      });
    } catch (error) {
      throw invalid({ file: `is not valid CSV: ${(error as Error).message}` });
    }
    if (records.length === 0) throw invalid({ file: 'has no codes' });
    const header = records[0].map((cell) => cell.toLowerCase());
    const column = Math.max(0, header.indexOf('code'));
    const body = header.includes('code') ? records.slice(1) : records;
    if (body.length > MAX_CODES_PER_IMPORT)
      throw invalid({ file: `has more than ${MAX_CODES_PER_IMPORT} codes` });
    return body.map((record) => record[column] ?? '');
  }

  private async summary(
    manager: EntityManager,
    poolId: string,
  ): Promise<CouponPoolSummary> {
    const rows = await this.rows(manager, poolId, 1, 0);
    if (!rows[0]) throw notFound('Coupon pool');
    return toSummary(rows[0]);
  }

  private rows(
    manager: EntityManager,
    poolId: string | null,
    limit: number,
    offset: number,
  ): Promise<PoolRow[]> {
    return manager.query(
      `SELECT p.*, count(c.id) AS total_codes, count(c.id) FILTER (WHERE c.claimed_by_reward_id IS NULL) AS remaining,
              count(*) OVER () AS total
         FROM coupon_pools p LEFT JOIN coupons c ON c.pool_id = p.id
        WHERE ($1::uuid IS NULL OR p.id = $1)
        GROUP BY p.id ORDER BY p.created_at DESC, p.id LIMIT $2 OFFSET $3`,
      [poolId, limit, offset],
    );
  }
}

function listed(codes: string[]): string {
  const shown = codes.slice(0, LISTED).join(', ');
  return codes.length > LISTED
    ? `${shown} and ${codes.length - LISTED} more`
    : shown;
}

function toSummary(row: PoolRow): CouponPoolSummary {
  const remaining = Number(row.remaining);
  return {
    id: row.id,
    name: row.name,
    programmeId: row.programme_id,
    lowThreshold: row.low_threshold,
    total: Number(row.total_codes),
    remaining,
    low: remaining <= row.low_threshold,
    createdAt: row.created_at.toISOString(),
  };
}
