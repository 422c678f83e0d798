import {
  NpsTrend,
  ScoreDistribution,
  SegmentMovement,
  SegmentSizes,
  npsCategory,
} from '@advocacy/shared';
import { ChartConfiguration } from 'chart.js';
import {
  CATEGORY_COLORS,
  seriesColor,
} from '../../../shared/charts/chart-colors';
import {
  barChart,
  donutChart,
  lineWithBand,
  stackedBar,
} from '../../../shared/charts/chart-configs';

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** `2026-03-01` → `Mar 2026` (month) or `2 Mar` (week), read as UTC like the server buckets. */
export function periodLabel(
  period: string,
  interval: NpsTrend['interval'],
): string {
  const [year, month, day] = period.split('-').map(Number);
  return interval === 'month'
    ? `${MONTHS[month - 1]} ${year}`
    : `${day} ${MONTHS[month - 1]}`;
}

export function npsTrendChart(trend: NpsTrend): ChartConfiguration {
  return lineWithBand(
    trend.periods.map((p) => ({
      label: periodLabel(p.period, trend.interval),
      value: p.nps,
      low: p.ci?.low ?? null,
      high: p.ci?.high ?? null,
      weak: p.lowConfidence,
    })),
    { name: 'NPS', min: -100, max: 100 },
  ) as ChartConfiguration;
}

export function distributionChart(
  distribution: ScoreDistribution,
): ChartConfiguration {
  const labels = distribution.counts.map((_, score) => String(score));
  const colors = distribution.counts.map(
    (_, score) => CATEGORY_COLORS[npsCategory(score)],
  );
  return barChart(
    labels,
    distribution.counts,
    colors,
    'Answers',
  ) as ChartConfiguration;
}

export function segmentSizesChart(sizes: SegmentSizes): ChartConfiguration {
  const shown = sizes.segments.filter((s) => s.count > 0);
  return donutChart(
    shown.map((s) => s.name),
    shown.map((s) => s.count),
    shown.map((s) => seriesColor(sizes.segments.indexOf(s))),
  ) as ChartConfiguration;
}

/** One bar per segment customers left (or "New"), stacked by where they went. */
export function movementChart(movement: SegmentMovement): ChartConfiguration {
  const name = (key: string | null) =>
    key === null
      ? 'New'
      : (movement.segments.find((s) => s.key === key)?.name ?? key);
  const order = movement.segments.map((s) => s.key);
  const fromKeys = [...new Set(movement.moves.map((m) => m.from))].sort(
    (a, b) =>
      (a === null ? 1 : order.indexOf(a)) - (b === null ? 1 : order.indexOf(b)),
  );
  const toKeys = order.filter((key) =>
    movement.moves.some((m) => m.to === key),
  );
  return stackedBar(
    fromKeys.map(name),
    toKeys.map((to) => ({
      name: `→ ${name(to)}`,
      color: seriesColor(order.indexOf(to)),
      values: fromKeys.map(
        (from) =>
          movement.moves.find((m) => m.from === from && m.to === to)?.count ??
          0,
      ),
    })),
    true,
  ) as ChartConfiguration;
}
