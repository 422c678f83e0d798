import { CaseStats } from '@advocacy/shared';
import { closedLoopFunnel, shareOf } from './closed-loop-panel.component';

describe('closed loop panel', () => {
  const stats: CaseStats = {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-04-01T00:00:00.000Z',
    opened: 12,
    detractorCases: 10,
    dropCases: 2,
    contacted: 9,
    resolved: 6,
    closedWithoutFix: 1,
    overdueNow: 2,
    scoredHigherLater: 4,
    answeredLater: 5,
    medianHoursToContact: 20.5,
  };

  it('draws the funnel from opened to scored higher', () => {
    const config = closedLoopFunnel(stats);
    expect(config.data.labels).toEqual([
      'Cases opened',
      'Contacted',
      'Answered again',
      'Scored higher',
    ]);
    expect(config.data.datasets[0].data).toEqual([12, 9, 5, 4]);
  });

  it('gives no share when nothing was opened', () => {
    expect(shareOf(9, 12)).toBeCloseTo(0.75);
    expect(shareOf(0, 0)).toBeNull();
  });
});
