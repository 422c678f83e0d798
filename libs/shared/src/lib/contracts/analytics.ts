import { CsatSummary, NpsDifference, NpsSummary } from '../nps';
import { PageQuery } from './pagination';

export const ANALYTICS_INTERVALS = ['week', 'month'] as const;
export type AnalyticsInterval = (typeof ANALYTICS_INTERVALS)[number];

export interface AnalyticsQuery {
  interval?: AnalyticsInterval;
  /** ISO date-time; default 12 months (or 26 weeks) before `to`. */
  from?: string;
  /** ISO date-time, exclusive; default now. */
  to?: string;
  /** Current segment key; all customers when omitted. */
  segment?: string;
}

export interface NpsPeriod extends NpsSummary {
  /** Start of the week (Monday) or month, ISO date `YYYY-MM-DD`. */
  period: string;
}

export interface NpsTrend {
  interval: AnalyticsInterval;
  from: string;
  to: string;
  segment: string | null;
  overall: NpsSummary;
  periods: NpsPeriod[];
  /** Last period against the one before it; null with fewer than two periods. */
  change: (NpsDifference & { current: string; previous: string }) | null;
}

export interface ScoreDistribution {
  n: number;
  /** Count of each NPS score 0–10 (index = score). */
  counts: number[];
}

export interface CsatPeriod extends CsatSummary {
  period: string;
}

export interface CsatTrend {
  interval: AnalyticsInterval;
  overall: CsatSummary;
  periods: CsatPeriod[];
}

export interface VerbatimQuery extends PageQuery {
  segment?: string;
  minScore?: number;
  maxScore?: number;
  kind?: 'nps' | 'csat';
  from?: string;
  to?: string;
}

export interface Verbatim {
  id: string;
  customerId: string;
  customerName: string;
  kind: 'nps' | 'csat';
  score: number;
  comment: string;
  channel: string;
  respondedAt: string;
  segmentKey: string | null;
  segmentName: string | null;
}
