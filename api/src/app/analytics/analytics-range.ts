import { AnalyticsInterval } from '@advocacy/shared';
import { invalid } from '../common/errors';

const DAY_MS = 24 * 3600 * 1000;
const MAX_SPAN_DAYS = 5 * 366;

export interface ResolvedRange {
  interval: AnalyticsInterval;
  from: Date;
  to: Date;
}

/** Default window: the last 12 months or 26 weeks, starting on a period boundary (UTC). */
export function resolveRange(
  query: { interval?: AnalyticsInterval; from?: string; to?: string },
  now = new Date(),
): ResolvedRange {
  const interval = query.interval ?? 'month';
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : defaultFrom(interval, to);
  if (from >= to) throw invalid({ from: 'must be before to' });
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS)
    throw invalid({ from: 'the period may span at most 5 years' });
  return { interval, from, to };
}

function defaultFrom(interval: AnalyticsInterval, to: Date): Date {
  if (interval === 'month') {
    return new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 11, 1));
  }
  const start = new Date(
    Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate()),
  );
  const sinceMonday = (start.getUTCDay() + 6) % 7;
  return new Date(start.getTime() - (sinceMonday + 25 * 7) * DAY_MS);
}
