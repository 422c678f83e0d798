import {
  csatSummaryFromDistribution,
  CsatTrend,
  npsDifference,
  npsSummary,
  NpsTrend,
  ScoreDistribution,
} from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { resolveRange, ResolvedRange } from './analytics-range';
import { AnalyticsQueryDto } from './dto/analytics-query.dto';

interface NpsRow {
  period: string;
  promoters: number;
  passives: number;
  detractors: number;
}

interface CsatRow {
  period: string;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

/** `$1` from, `$2` to, `$3` interval, `$4` segment (or null): every period, empty ones included. */
const PERIODS_SQL = (kind: 'nps' | 'csat', counts: string) => `
WITH buckets AS (
  SELECT generate_series(
           date_trunc($3::text, $1::timestamptz AT TIME ZONE 'UTC'),
           ($2::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond',
           ('1 ' || $3::text)::interval) AS period
), counts AS (
  SELECT date_trunc($3::text, r.responded_at AT TIME ZONE 'UTC') AS bucket, ${counts}
    FROM survey_responses r
   WHERE r.kind = '${kind}' AND r.responded_at >= $1 AND r.responded_at < $2
     AND ($4::text IS NULL OR EXISTS (
           SELECT 1 FROM customer_segments cs WHERE cs.customer_id = r.customer_id AND cs.segment_key = $4::text))
   GROUP BY 1
)
SELECT to_char(b.period, 'YYYY-MM-DD') AS period, c.*
  FROM buckets b LEFT JOIN counts c ON c.bucket = b.period
 ORDER BY b.period`;

const NPS_COUNTS = `count(*) FILTER (WHERE r.score >= 9)::int AS promoters,
       count(*) FILTER (WHERE r.score BETWEEN 7 AND 8)::int AS passives,
       count(*) FILTER (WHERE r.score <= 6)::int AS detractors`;
const CSAT_COUNTS = [1, 2, 3, 4, 5]
  .map((s) => `count(*) FILTER (WHERE r.score = ${s})::int AS s${s}`)
  .join(', ');

/** SQL counts, libs does the maths: every NPS shown carries its n and adjusted-Wald interval. */
@Injectable()
export class NpsAnalyticsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async npsTrend(query: AnalyticsQueryDto): Promise<NpsTrend> {
    const range = resolveRange(query);
    const rows: NpsRow[] = await this.db.query(
      PERIODS_SQL('nps', NPS_COUNTS),
      this.params(range, query.segment),
    );
    const periods = rows.map((row) => ({
      period: row.period,
      ...npsSummary({
        promoters: row.promoters ?? 0,
        passives: row.passives ?? 0,
        detractors: row.detractors ?? 0,
      }),
    }));
    const overall = npsSummary(
      periods.reduce(
        (sum, p) => ({
          promoters: sum.promoters + p.promoters,
          passives: sum.passives + p.passives,
          detractors: sum.detractors + p.detractors,
        }),
        { promoters: 0, passives: 0, detractors: 0 },
      ),
    );
    const [previous, current] = periods.slice(-2);
    return {
      interval: range.interval,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      segment: query.segment ?? null,
      overall,
      periods,
      change:
        periods.length >= 2
          ? {
              ...npsDifference(current, previous),
              current: current.period,
              previous: previous.period,
            }
          : null,
    };
  }

  async distribution(query: AnalyticsQueryDto): Promise<ScoreDistribution> {
    const range = resolveRange(query);
    const rows: { score: number; count: number }[] = await this.db.query(
      `SELECT r.score, count(*)::int AS count
         FROM survey_responses r
        WHERE r.kind = 'nps' AND r.responded_at >= $1 AND r.responded_at < $2
          AND ($3::text IS NULL OR EXISTS (
                SELECT 1 FROM customer_segments cs WHERE cs.customer_id = r.customer_id AND cs.segment_key = $3::text))
        GROUP BY r.score`,
      [range.from, range.to, query.segment ?? null],
    );
    const counts = Array.from({ length: 11 }, () => 0);
    for (const row of rows) counts[row.score] = row.count;
    return { n: counts.reduce((sum, c) => sum + c, 0), counts };
  }

  async csatTrend(query: AnalyticsQueryDto): Promise<CsatTrend> {
    const range = resolveRange(query);
    const rows: CsatRow[] = await this.db.query(
      PERIODS_SQL('csat', CSAT_COUNTS),
      this.params(range, query.segment),
    );
    const total = [0, 0, 0, 0, 0];
    const periods = rows.map((row) => {
      const counts = [row.s1, row.s2, row.s3, row.s4, row.s5].map(
        (c) => c ?? 0,
      );
      counts.forEach((c, i) => (total[i] += c));
      return { period: row.period, ...csatSummaryFromDistribution(counts) };
    });
    return {
      interval: range.interval,
      overall: csatSummaryFromDistribution(total),
      periods,
    };
  }

  private params(range: ResolvedRange, segment: string | undefined): unknown[] {
    return [range.from, range.to, range.interval, segment ?? null];
  }
}
