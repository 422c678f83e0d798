import { OutreachSendReport } from '@advocacy/shared';
import {
  clickRate,
  clicksByDayChart,
  describeAudience,
  reasonLabel,
  reasonRows,
} from './outreach-labels';

describe('outreach labels', () => {
  it('describes an audience in words', () => {
    expect(
      describeAudience({ npsCategories: [], segmentKeys: [], customerIds: [] }),
    ).toBe('Everyone');
    expect(
      describeAudience(
        {
          npsCategories: ['promoter', 'passive'],
          segmentKeys: ['champions'],
          customerIds: ['a'],
        },
        { champions: 'Champions' },
      ),
    ).toBe('Promoters, Passives · Champions · 1 chosen customer');
  });

  it('words known skip reasons and keeps a server answer as it is', () => {
    expect(reasonLabel('throttled')).toBe(
      'Message limit reached for the period',
    );
    expect(reasonLabel('550 Mailbox unavailable')).toBe(
      '550 Mailbox unavailable',
    );
    expect(
      reasonRows({
        skippedByReason: { throttled: 2, no_consent: 5 },
        failedByReason: { '451 busy': 3 },
      }).map((r) => `${r.kind}:${r.count}`),
    ).toEqual(['skipped:5', 'failed:3', 'skipped:2']);
  });

  it('gives a click rate only once something was sent', () => {
    const counts = {
      recipients: 10,
      queued: 0,
      sent: 8,
      failed: 0,
      skipped: 2,
    };
    expect(clickRate({ counts, clickedMessages: 2 })).toBe(25);
    expect(
      clickRate({ counts: { ...counts, sent: 0 }, clickedMessages: 0 }),
    ).toBeNull();
  });

  it('fills days without clicks so the chart keeps its time scale', () => {
    const report = {
      clicksByDay: [
        { day: '2026-03-30', clicks: 2 },
        { day: '2026-04-02', clicks: 1 },
      ],
    } as Pick<OutreachSendReport, 'clicksByDay'>;
    const chart = clicksByDayChart(report);
    expect(chart?.data.labels).toEqual(['03-30', '03-31', '04-01', '04-02']);
    expect(chart?.data.datasets[0].data).toEqual([2, 0, 0, 1]);
    expect(clicksByDayChart({ clicksByDay: [] })).toBeNull();
  });
});
