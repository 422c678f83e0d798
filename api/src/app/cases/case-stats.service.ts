import { CaseStats } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid } from '../common/errors';
import { CaseStatsQueryDto } from './dto/case.dto';

const DEFAULT_DAYS = 90;

/** The closed loop in numbers, for the NPS dashboard. */
@Injectable()
export class CaseStatsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Over the cases opened in [from, to): how many customers were contacted, and how many of those
   * answered again later with a higher score than the one that opened their case.
   */
  async stats(query: CaseStatsQueryDto): Promise<CaseStats> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
    if (from >= to) throw invalid({ from: 'must be before to' });
    const [row] = await this.db.query<
      {
        opened: number;
        detractor_cases: number;
        drop_cases: number;
        contacted: number;
        resolved: number;
        closed_without_fix: number;
        scored_higher_later: number;
        answered_later: number;
        median_hours: number | null;
        overdue_now: number;
      }[]
    >(
      `WITH scoped AS (
         SELECT c.*, r.responded_at AS opened_by_at,
                later.best AS later_best
           FROM followup_cases c
           JOIN survey_responses r ON r.id = c.response_id
           LEFT JOIN LATERAL (
             SELECT max(l.score) AS best FROM survey_responses l
              WHERE l.customer_id = c.customer_id AND l.kind = 'nps' AND l.responded_at > r.responded_at) later ON true
          WHERE c.created_at >= $1 AND c.created_at < $2)
       SELECT count(*)::int AS opened,
              count(*) FILTER (WHERE reason = 'detractor')::int AS detractor_cases,
              count(*) FILTER (WHERE reason = 'drop')::int AS drop_cases,
              count(*) FILTER (WHERE contacted_at IS NOT NULL)::int AS contacted,
              count(*) FILTER (WHERE state = 'resolved')::int AS resolved,
              count(*) FILTER (WHERE state = 'closed_without_fix')::int AS closed_without_fix,
              count(*) FILTER (WHERE contacted_at IS NOT NULL AND later_best > score)::int AS scored_higher_later,
              count(*) FILTER (WHERE contacted_at IS NOT NULL AND later_best IS NOT NULL)::int AS answered_later,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM contacted_at - created_at) / 3600)
                FILTER (WHERE contacted_at IS NOT NULL) AS median_hours,
              (SELECT count(*)::int FROM followup_cases
                WHERE state IN ('open', 'contacted') AND due_at < now()) AS overdue_now
         FROM scoped`,
      [from, to],
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      opened: row.opened,
      detractorCases: row.detractor_cases,
      dropCases: row.drop_cases,
      contacted: row.contacted,
      resolved: row.resolved,
      closedWithoutFix: row.closed_without_fix,
      overdueNow: row.overdue_now,
      scoredHigherLater: row.scored_higher_later,
      answeredLater: row.answered_later,
      medianHoursToContact:
        row.median_hours === null
          ? null
          : Math.round(Number(row.median_hours) * 10) / 10,
    };
  }
}
