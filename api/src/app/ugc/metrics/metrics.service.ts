import { UgcMetrics } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface WeekRow {
  week_start: Date;
  segment_key: string;
  submissions: string;
}

interface SegmentRow {
  segment_key: string;
  segment_name: string | null;
  submissions: string;
  approved: string;
  rejected: string;
  median_hours: number | null;
}

const WEEK_MS = 7 * 86_400_000;

/** Submissions per week, approval rate and review velocity, grouped by the segment snapshot. */
@Injectable()
export class UgcMetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async metrics(weeks: number, now = new Date()): Promise<UgcMetrics> {
    const firstWeek: { start: Date }[] = await this.db.query(
      `SELECT date_trunc('week', $1::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(weeks => $2 - 1) AS start`,
      [now, weeks],
    );
    const start = firstWeek[0].start;
    const [perWeek, bySegment] = await Promise.all([
      this.db.query(
        `SELECT date_trunc('week', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS week_start, segment_key,
                count(*) AS submissions
           FROM ugc_submissions WHERE created_at >= $1
          GROUP BY 1, 2 ORDER BY 1, 2`,
        [start],
      ) as Promise<WeekRow[]>,
      this.db.query(
        `SELECT segment_key, max(segment_snapshot->>'segmentName') AS segment_name, count(*) AS submissions,
                count(*) FILTER (WHERE status = 'approved') AS approved,
                count(*) FILTER (WHERE status = 'rejected') AS rejected,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM reviewed_at - created_at) / 3600)
                  FILTER (WHERE reviewed_at IS NOT NULL) AS median_hours
           FROM ugc_submissions WHERE created_at >= $1
          GROUP BY segment_key ORDER BY count(*) DESC`,
        [start],
      ) as Promise<SegmentRow[]>,
    ]);
    return {
      weeks: Array.from({ length: weeks }, (_, i) =>
        new Date(start.getTime() + i * WEEK_MS).toISOString().slice(0, 10),
      ),
      perWeek: perWeek.map((row) => ({
        weekStart: new Date(row.week_start).toISOString().slice(0, 10),
        segmentKey: row.segment_key,
        submissions: Number(row.submissions),
      })),
      bySegment: bySegment.map((row) => {
        const approved = Number(row.approved);
        const rejected = Number(row.rejected);
        return {
          segmentKey: row.segment_key,
          segmentName: row.segment_name ?? row.segment_key,
          submissions: Number(row.submissions),
          approved,
          rejected,
          approvalRate:
            approved + rejected > 0 ? approved / (approved + rejected) : null,
          medianReviewHours:
            row.median_hours === null
              ? null
              : Math.round(Number(row.median_hours) * 10) / 10,
        };
      }),
    };
  }
}
