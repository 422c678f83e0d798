import { Page, Verbatim } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import { SegmentRulesService } from '../segments/segment-rules.service';
import { VerbatimQueryDto } from './dto/verbatim-query.dto';

/** An export is a file for a spreadsheet, so it stops where spreadsheets struggle. */
export const VERBATIM_EXPORT_LIMIT = 100_000;

interface VerbatimRow {
  id: string;
  customer_id: string;
  customer_name: string;
  kind: 'nps' | 'csat';
  score: number;
  comment: string;
  channel: string;
  responded_at: Date;
  segment_key: string | null;
}

@Injectable()
export class VerbatimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: SegmentRulesService,
  ) {}

  async list(query: VerbatimQueryDto): Promise<Page<Verbatim>> {
    const { where, params } = this.filter(query);
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM survey_responses r
         LEFT JOIN customer_segments cs ON cs.customer_id = r.customer_id ${where}`,
      params,
    );
    const items = await this.rows(where, params, query.pageSize, query.offset);
    return toPage(items, total, query);
  }

  /** Newest first, the same filters as the list, without paging. */
  exportAll(query: VerbatimQueryDto): Promise<Verbatim[]> {
    const { where, params } = this.filter(query);
    return this.rows(where, params, VERBATIM_EXPORT_LIMIT, 0);
  }

  private async rows(
    where: string,
    params: unknown[],
    limit: number,
    offset: number,
  ): Promise<Verbatim[]> {
    const rows: VerbatimRow[] = await this.db.query(
      `SELECT r.id, r.customer_id, c.name AS customer_name, r.kind, r.score, r.comment, r.channel,
              r.responded_at, cs.segment_key
         FROM survey_responses r
         JOIN customers c ON c.id = r.customer_id
         LEFT JOIN customer_segments cs ON cs.customer_id = r.customer_id
        ${where}
        ORDER BY r.responded_at DESC, r.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    const { rules } = await this.rules.current();
    const names = new Map(rules.segments.map((s) => [s.key, s.name]));
    return rows.map((row) => ({
      id: row.id,
      customerId: row.customer_id,
      customerName: row.customer_name,
      kind: row.kind,
      score: row.score,
      comment: row.comment,
      channel: row.channel,
      respondedAt: row.responded_at.toISOString(),
      segmentKey: row.segment_key,
      segmentName: row.segment_key
        ? (names.get(row.segment_key) ?? row.segment_key)
        : null,
    }));
  }

  private filter(query: VerbatimQueryDto): {
    where: string;
    params: unknown[];
  } {
    if (
      query.minScore !== undefined &&
      query.maxScore !== undefined &&
      query.minScore > query.maxScore
    ) {
      throw invalid({ minScore: 'must not be above the maximum score' });
    }
    const params: unknown[] = [query.kind ?? 'nps'];
    const clauses = [
      `r.kind = $1`,
      `r.comment IS NOT NULL`,
      `btrim(r.comment) <> ''`,
    ];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (query.segment) add((p) => `cs.segment_key = ${p}`, query.segment);
    if (query.minScore !== undefined)
      add((p) => `r.score >= ${p}`, query.minScore);
    if (query.maxScore !== undefined)
      add((p) => `r.score <= ${p}`, query.maxScore);
    if (query.from) add((p) => `r.responded_at >= ${p}`, new Date(query.from));
    if (query.to) add((p) => `r.responded_at < ${p}`, new Date(query.to));
    return { where: `WHERE ${clauses.join(' AND ')}`, params };
  }
}
