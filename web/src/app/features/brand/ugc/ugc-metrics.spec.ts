import { UgcMetrics } from '@advocacy/shared';
import { formatHours, rateRows, weeklySeries } from './ugc-metrics';

const metrics: UgcMetrics = {
  weeks: ['2026-11-02', '2026-11-09', '2026-11-16'],
  perWeek: [
    { weekStart: '2026-11-02', segmentKey: 'promoters', submissions: 3 },
    { weekStart: '2026-11-16', segmentKey: 'promoters', submissions: 1 },
    { weekStart: '2026-11-09', segmentKey: 'passives', submissions: 2 },
  ],
  bySegment: [
    {
      segmentKey: 'promoters',
      segmentName: 'Promoters',
      submissions: 4,
      approved: 3,
      rejected: 1,
      approvalRate: 0.75,
      medianReviewHours: 5.5,
    },
    {
      segmentKey: 'passives',
      segmentName: 'Passives',
      submissions: 2,
      approved: 0,
      rejected: 0,
      approvalRate: null,
      medianReviewHours: null,
    },
  ],
};

describe('UGC metrics views', () => {
  it('fills empty weeks with zero, one series per segment', () => {
    expect(weeklySeries(metrics)).toEqual([
      { name: 'Promoters', values: [3, 0, 1] },
      { name: 'Passives', values: [0, 2, 0] },
    ]);
  });

  it('gives approval as whole percent and keeps unreviewed segments empty', () => {
    expect(rateRows(metrics)).toEqual([
      {
        label: 'Promoters',
        approvalPercent: 75,
        medianHours: 5.5,
        reviewed: 4,
        submissions: 4,
      },
      {
        label: 'Passives',
        approvalPercent: null,
        medianHours: null,
        reviewed: 0,
        submissions: 2,
      },
    ]);
  });

  it.each([
    [null, '—'],
    [0.5, '30 min'],
    [6.54, '6.5 h'],
    [50, '2.1 days'],
  ])('formats %p hours as %s', (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });
});
