import { NpsTrend, Verbatim } from '@advocacy/shared';
import { toCsv } from './csv';

const round = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 10) / 10;

export function npsTrendCsv(trend: NpsTrend): string {
  return toCsv(
    [
      'period',
      'n',
      'promoters',
      'passives',
      'detractors',
      'nps',
      'ci_low',
      'ci_high',
      'low_confidence',
    ],
    trend.periods.map((p) => [
      p.period,
      p.n,
      p.promoters,
      p.passives,
      p.detractors,
      round(p.nps),
      round(p.ci?.low),
      round(p.ci?.high),
      p.lowConfidence,
    ]),
  );
}

export function verbatimsCsv(items: Verbatim[]): string {
  return toCsv(
    [
      'responded_at',
      'customer',
      'kind',
      'score',
      'segment',
      'channel',
      'comment',
    ],
    items.map((v) => [
      v.respondedAt,
      v.customerName,
      v.kind,
      v.score,
      v.segmentName,
      v.channel,
      v.comment,
    ]),
    new Set([1, 4, 6]),
  );
}
