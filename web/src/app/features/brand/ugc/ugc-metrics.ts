import { UgcMetrics } from '@advocacy/shared';
import { StackSeries } from '../../../shared/charts/chart-configs';

/** One stacked series per segment snapshot, one bar per week (weeks with nothing count 0). */
export function weeklySeries(metrics: UgcMetrics): StackSeries[] {
  const names = new Map(
    metrics.bySegment.map((row) => [row.segmentKey, row.segmentName]),
  );
  const keys = [...new Set(metrics.perWeek.map((row) => row.segmentKey))];
  return keys.map((key) => ({
    name: names.get(key) ?? key,
    values: metrics.weeks.map(
      (week) =>
        metrics.perWeek.find(
          (row) => row.weekStart === week && row.segmentKey === key,
        )?.submissions ?? 0,
    ),
  }));
}

export interface RateRow {
  label: string;
  /** Percent, or null when nothing was reviewed. */
  approvalPercent: number | null;
  medianHours: number | null;
  reviewed: number;
  submissions: number;
}

export function rateRows(metrics: UgcMetrics): RateRow[] {
  return metrics.bySegment.map((row) => ({
    label: row.segmentName,
    approvalPercent:
      row.approvalRate === null ? null : Math.round(row.approvalRate * 100),
    medianHours: row.medianReviewHours,
    reviewed: row.approved + row.rejected,
    submissions: row.submissions,
  }));
}

/** "45 min", "6.5 h", "2.1 days": review time in the unit people think in. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}
