import { TestBed } from '@angular/core/testing';
import {
  CsatTrend,
  NpsTrend,
  ScoreDistribution,
  SegmentMovement,
  SegmentSizes,
  npsSummary,
} from '@advocacy/shared';
import { NEVER, of } from 'rxjs';
import { AnalyticsApi } from '../../../core/api/analytics-api';
import { CasesApi } from '../../../core/api/cases-api';
import { SegmentsApi } from '../../../core/api/segments-api';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { DashboardPageComponent } from './dashboard-page.component';

// jsdom has no canvas; the chart wrapper has its own test.
jest.mock('chart.js', () => {
  const actual = jest.requireActual('chart.js');
  class Chart {
    static register = jest.fn();
    update = jest.fn();
    destroy = jest.fn();
  }
  return { ...actual, Chart };
});

function trend(counts: {
  promoters: number;
  passives: number;
  detractors: number;
}): NpsTrend {
  const summary = npsSummary(counts);
  return {
    interval: 'month',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-03-01T00:00:00.000Z',
    segment: null,
    overall: summary,
    periods: [
      {
        period: '2026-01-01',
        ...npsSummary({ promoters: 0, passives: 0, detractors: 0 }),
      },
      { period: '2026-02-01', ...summary },
    ],
    change: {
      difference: null,
      se: null,
      z: null,
      pValue: null,
      significant: false,
      current: '2026-02-01',
      previous: '2026-01-01',
    },
  };
}

const csat: CsatTrend = {
  interval: 'month',
  overall: { n: 10, satisfied: 8, csat: 80, distribution: [1, 0, 1, 3, 5] },
  periods: [],
};
const distribution: ScoreDistribution = {
  n: 100,
  counts: [2, 2, 2, 2, 2, 5, 5, 5, 5, 35, 35],
};
const sizes: SegmentSizes = {
  total: 3,
  computedAt: null,
  segments: [{ key: 'promoters', name: 'Promoters', count: 3, share: 100 }],
};
const movement: SegmentMovement = {
  from: '',
  to: '',
  segments: [],
  moves: [],
  categoryMoves: [],
};

async function render(nps: NpsTrend) {
  TestBed.configureTestingModule({
    providers: [
      provideAppIcons(),
      {
        provide: AnalyticsApi,
        useValue: {
          nps: () => of(nps),
          distribution: () => of(distribution),
          csat: () => of(csat),
          verbatims: () => of({ items: [], total: 0, page: 1, pageSize: 10 }),
        },
      },
      {
        provide: SegmentsApi,
        useValue: { sizes: () => of(sizes), movement: () => of(movement) },
      },
      // The closed-loop panel is not under test here: it stays loading instead of calling out.
      { provide: CasesApi, useValue: { stats: () => NEVER } },
    ],
  });
  const fixture = TestBed.createComponent(DashboardPageComponent);
  await fixture.whenStable();
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const text = (root: HTMLElement, testId: string) =>
  root
    .querySelector(`[data-testid="${testId}"]`)
    ?.textContent?.replace(/\s+/g, ' ')
    .trim() ?? null;

describe('DashboardPageComponent', () => {
  it('shows the headline NPS with its interval and sample size', async () => {
    const root = await render(
      trend({ promoters: 70, passives: 10, detractors: 20 }),
    );
    const kpi = text(root, 'kpi-nps');
    expect(kpi).toContain('50');
    expect(kpi).toContain('95% interval 33 to 64');
    expect(kpi).toContain('n = 100');
    expect(root.querySelector('[data-testid="low-confidence"]')).toBeNull();
    expect(text(root, 'kpi-csat')).toContain('80%');
    expect(text(root, 'kpi-change')).toContain(
      'Needs answers in both of the last two periods',
    );
  });

  it('flags a sample under 100 as low confidence', async () => {
    const root = await render(
      trend({ promoters: 7, passives: 1, detractors: 2 }),
    );
    expect(text(root, 'low-confidence')).toBe('Low confidence');
  });

  it('explains an empty dashboard instead of drawing empty charts', async () => {
    const root = await render(
      trend({ promoters: 0, passives: 0, detractors: 0 }),
    );
    expect(text(root, 'empty-nps')).toContain('No NPS responses yet');
    expect(root.querySelector('[data-testid="chart-nps"]')).toBeNull();
  });
});
