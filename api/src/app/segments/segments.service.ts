import {
  SegmentMove,
  SegmentMovement,
  SegmentRules,
  SegmentRulesPreview,
  SegmentSize,
  SegmentSizes,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid } from '../common/errors';
import { SegmentMovementQueryDto } from './dto/segment-movement-query.dto';
import { previewSql } from './segment-sql';
import { assertValidRules, SegmentRulesService } from './segment-rules.service';

const DAY_MS = 24 * 3600 * 1000;
const DEFAULT_MOVEMENT_DAYS = 30;

interface CountRow {
  key: string;
  count: number;
}

interface MoveRow {
  kind: 'segment' | 'category';
  from: string | null;
  to: string;
  count: number;
}

/** Sizes in rule order (empty segments included), then any key the rules no longer name. */
export function toSizes(rules: SegmentRules, rows: CountRow[]): SegmentSize[] {
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const named = rules.segments.map(({ key, name }) => ({ key, name }));
  const stale = rows
    .filter((row) => !rules.segments.some((segment) => segment.key === row.key))
    .map((row) => ({ key: row.key, name: row.key }));
  return [...named, ...stale].map(({ key, name }) => {
    const count = counts.get(key) ?? 0;
    return { key, name, count, share: total === 0 ? 0 : (100 * count) / total };
  });
}

@Injectable()
export class SegmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: SegmentRulesService,
  ) {}

  async sizes(): Promise<SegmentSizes> {
    const { rules } = await this.rules.current();
    const rows: CountRow[] = await this.db.query(
      'SELECT segment_key AS key, count(*)::int AS count FROM customer_segments GROUP BY segment_key',
    );
    const [{ computed_at }]: { computed_at: Date | null }[] =
      await this.db.query(
        'SELECT max(computed_at) AS computed_at FROM customer_segments',
      );
    const segments = toSizes(rules, rows);
    return {
      total: segments.reduce((sum, s) => sum + s.count, 0),
      computedAt: computed_at?.toISOString() ?? null,
      segments,
    };
  }

  /** Both sides computed by the product's SQL in one snapshot, so only the rules differ; nothing is written. */
  async preview(input: SegmentRules): Promise<SegmentRulesPreview> {
    const proposedRules = assertValidRules(input);
    const now = new Date();
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const { rules } = await this.rules.current(manager);
      const run = async (ruleSet: SegmentRules) => {
        const sql = previewSql(ruleSet, now);
        return toSizes(ruleSet, await manager.query(sql.text, sql.params));
      };
      const current = await run(rules);
      const proposed = await run(proposedRules);
      return {
        total: current.reduce((sum, s) => sum + s.count, 0),
        current,
        proposed,
      };
    });
  }

  async movement(query: SegmentMovementQueryDto): Promise<SegmentMovement> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_MOVEMENT_DAYS * DAY_MS);
    if (from >= to) throw invalid({ from: 'must be before to' });
    const { rules } = await this.rules.current();
    const rows: MoveRow[] = await this.db.query(
      `SELECT 'segment' AS kind, from_segment_key AS "from", to_segment_key AS "to", count(*)::int AS count
         FROM segment_changes
        WHERE changed_at >= $1 AND changed_at < $2 AND from_segment_key IS DISTINCT FROM to_segment_key
        GROUP BY from_segment_key, to_segment_key
       UNION ALL
       SELECT 'category', from_nps_category, to_nps_category, count(*)::int
         FROM segment_changes
        WHERE changed_at >= $1 AND changed_at < $2 AND from_nps_category IS DISTINCT FROM to_nps_category
        GROUP BY from_nps_category, to_nps_category
        ORDER BY 4 DESC`,
      [from, to],
    );
    const pick = (kind: MoveRow['kind']): SegmentMove[] =>
      rows
        .filter((row) => row.kind === kind)
        .map(({ from, to, count }) => ({ from, to, count }));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      segments: rules.segments.map(({ key, name }) => ({ key, name })),
      moves: pick('segment'),
      categoryMoves: pick('category'),
    };
  }
}
