import {
  AudienceFilter,
  OUTREACH_PURPOSE_LABELS,
  OUTREACH_SKIP_REASONS,
  OutreachMessageStatus,
  OutreachPurpose,
  OutreachSendReport,
  OutreachSendStatus,
  SegmentNpsCategory,
  TemplateAudience,
} from '@advocacy/shared';
import { ChartConfiguration } from 'chart.js';
import { CATEGORY_COLORS, PRIMARY } from '../../../shared/charts/chart-colors';
import {
  barChart,
  donutChart,
  stackedBar,
} from '../../../shared/charts/chart-configs';

export const PURPOSE_LABELS = OUTREACH_PURPOSE_LABELS;

export const AUDIENCE_LABELS: Record<TemplateAudience, string> = {
  promoter: 'Promoters',
  passive: 'Passives',
  detractor: 'Detractors',
  all: 'Every segment',
};

export const CATEGORY_LABELS: Record<SegmentNpsCategory, string> = {
  promoter: 'Promoters',
  passive: 'Passives',
  detractor: 'Detractors',
  unknown: 'Not surveyed',
};

export const SEND_STATUS_LABELS: Record<OutreachSendStatus, string> = {
  scheduled: 'Scheduled',
  running: 'Sending',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const MESSAGE_STATUS_LABELS: Record<OutreachMessageStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  skipped: 'Skipped',
};

const OUTCOME_COLORS = {
  sent: '#1b873f',
  queued: '#6750a4',
  failed: '#c62828',
  skipped: '#8a8594',
} as const;

/** A skip reason in words; unknown keys (e.g. an SMTP answer) are shown as they are. */
export function reasonLabel(reason: string | null): string {
  if (!reason) return '';
  return (OUTREACH_SKIP_REASONS as Record<string, string>)[reason] ?? reason;
}

export function purposeLabel(purpose: OutreachPurpose): string {
  return PURPOSE_LABELS[purpose];
}

/** "Promoters · Champions" or "Everyone"; a hand-picked list is counted, not listed. */
export function describeAudience(
  audience: AudienceFilter,
  segmentNames: Record<string, string> = {},
): string {
  const parts: string[] = [];
  if (audience.npsCategories.length > 0)
    parts.push(
      audience.npsCategories.map((c) => CATEGORY_LABELS[c]).join(', '),
    );
  if (audience.segmentKeys.length > 0)
    parts.push(
      audience.segmentKeys.map((k) => segmentNames[k] ?? k).join(', '),
    );
  if (audience.customerIds.length > 0)
    parts.push(
      `${audience.customerIds.length} chosen customer${audience.customerIds.length === 1 ? '' : 's'}`,
    );
  return parts.length > 0 ? parts.join(' · ') : 'Everyone';
}

/** The NPS categories a template's segment suggests for a new send. */
export function defaultCategories(
  audience: TemplateAudience,
): SegmentNpsCategory[] {
  return audience === 'all' ? [] : [audience];
}

export function outcomeChart(report: OutreachSendReport): ChartConfiguration {
  const { sent, queued, failed, skipped } = report.counts;
  return donutChart(
    ['Sent', 'Queued', 'Failed', 'Skipped'],
    [sent, queued, failed, skipped],
    [
      OUTCOME_COLORS.sent,
      OUTCOME_COLORS.queued,
      OUTCOME_COLORS.failed,
      OUTCOME_COLORS.skipped,
    ],
  ) as ChartConfiguration;
}

/**
 * Sent messages by NPS category: split into clicked and not clicked when the message carried a
 * tracked referral link, or one bar per category in its colour otherwise.
 */
export function categoryChart(
  report: Pick<OutreachSendReport, 'byCategory' | 'programmeId'>,
): ChartConfiguration {
  const rows = report.byCategory.filter((row) => row.sent > 0);
  const labels = rows.map((row) => CATEGORY_LABELS[row.npsCategory]);
  if (!report.programmeId)
    return barChart(
      labels,
      rows.map((row) => row.sent),
      rows.map((row) => CATEGORY_COLORS[row.npsCategory]),
      'Sent',
    ) as ChartConfiguration;
  return stackedBar(labels, [
    { name: 'Clicked', values: rows.map((row) => row.clicked), color: PRIMARY },
    {
      name: 'Not clicked',
      values: rows.map((row) => Math.max(0, row.sent - row.clicked)),
      color: '#d7d2e0',
    },
  ]) as ChartConfiguration;
}

/** Click-through of sent messages, in whole percent; null before anything was sent. */
export function clickRate(
  report: Pick<OutreachSendReport, 'counts' | 'clickedMessages'>,
): number | null {
  return report.counts.sent > 0
    ? Math.round((100 * report.clickedMessages) / report.counts.sent)
    : null;
}

/** Skip and failure reasons, largest first, for the report's reason list. */
export function reasonRows(
  report: Pick<OutreachSendReport, 'skippedByReason' | 'failedByReason'>,
): { kind: 'skipped' | 'failed'; label: string; count: number }[] {
  return [
    ...Object.entries(report.skippedByReason).map(([reason, count]) => ({
      kind: 'skipped' as const,
      label: reasonLabel(reason),
      count,
    })),
    ...Object.entries(report.failedByReason).map(([reason, count]) => ({
      kind: 'failed' as const,
      label: reasonLabel(reason),
      count,
    })),
  ].sort((a, b) => b.count - a.count);
}

export const audienceLabel = (audience: TemplateAudience): string =>
  AUDIENCE_LABELS[audience];
export const sendStatusLabel = (status: OutreachSendStatus): string =>
  SEND_STATUS_LABELS[status];
export const messageStatusLabel = (status: OutreachMessageStatus): string =>
  MESSAGE_STATUS_LABELS[status];
export const categoryLabel = (category: SegmentNpsCategory): string =>
  CATEGORY_LABELS[category];

/** Clicks per day from the first click to the last, days without clicks included. */
export function clicksByDayChart(
  report: Pick<OutreachSendReport, 'clicksByDay'>,
): ChartConfiguration | null {
  const days = report.clicksByDay;
  if (days.length === 0) return null;
  const counts = new Map(days.map((d) => [d.day, d.clicks]));
  const labels: string[] = [];
  const values: number[] = [];
  const last = new Date(`${days[days.length - 1].day}T00:00:00Z`).getTime();
  for (
    let at = new Date(`${days[0].day}T00:00:00Z`).getTime();
    at <= last;
    at += 86_400_000
  ) {
    const day = new Date(at).toISOString().slice(0, 10);
    labels.push(day.slice(5));
    values.push(counts.get(day) ?? 0);
  }
  return barChart(
    labels,
    values,
    labels.map(() => PRIMARY),
    'Clicks',
  ) as ChartConfiguration;
}
