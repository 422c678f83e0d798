import { DecimalPipe, PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import {
  AnalyticsInterval,
  CSAT_GOOD_THRESHOLD,
  LOW_CONFIDENCE_N,
} from '@advocacy/shared';
import { forkJoin } from 'rxjs';
import { AnalyticsApi } from '../../../core/api/analytics-api';
import { SegmentsApi } from '../../../core/api/segments-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import {
  distributionChart,
  npsTrendChart,
  periodLabel,
  segmentSizesChart,
} from './dashboard-charts';
import { ClosedLoopPanelComponent } from './closed-loop-panel.component';
import { SegmentMovementPanelComponent } from './segment-movement-panel.component';
import { saveFile } from './save-file';
import { VerbatimsPanelComponent } from './verbatims-panel.component';

/** The brand home: NPS with its interval, distribution, CSAT, segments, movement and comments. */
@Component({
  selector: 'app-dashboard-page',
  imports: [
    ChartComponent,
    ClosedLoopPanelComponent,
    DecimalPipe,
    EmptyStateComponent,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatFormField,
    MatIcon,
    MatLabel,
    MatOption,
    MatSelect,
    MatTooltip,
    PageHeaderComponent,
    PercentPipe,
    SegmentMovementPanelComponent,
    VerbatimsPanelComponent,
  ],
  templateUrl: './dashboard-page.component.html',
  styleUrl: './dashboard-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPageComponent {
  private readonly analytics = inject(AnalyticsApi);
  private readonly segmentsApi = inject(SegmentsApi);

  protected readonly interval = signal<AnalyticsInterval>('month');
  protected readonly segment = signal('');
  protected readonly lowConfidenceN = LOW_CONFIDENCE_N;
  protected readonly csatGood = CSAT_GOOD_THRESHOLD;

  private readonly query = computed(() => ({
    interval: this.interval(),
    segment: this.segment() || undefined,
  }));

  protected readonly data = loadOnChange(this.query, (query) =>
    forkJoin({
      nps: this.analytics.nps(query),
      distribution: this.analytics.distribution(query),
      csat: this.analytics.csat(query),
    }),
  );
  protected readonly sizes = loadOnChange(signal(null), () =>
    this.segmentsApi.sizes(),
  );

  protected readonly nps = computed(() => this.data.value()?.nps ?? null);
  protected readonly overall = computed(() => this.nps()?.overall ?? null);
  protected readonly csat = computed(
    () => this.data.value()?.csat.overall ?? null,
  );
  protected readonly change = computed(() => this.nps()?.change ?? null);
  protected readonly hasData = computed(() => (this.overall()?.n ?? 0) > 0);
  protected readonly rangeLabel = computed(() => {
    const trend = this.nps();
    if (!trend || trend.periods.length === 0) return '';
    const first = trend.periods[0].period;
    const last = trend.periods[trend.periods.length - 1].period;
    return `${periodLabel(first, trend.interval)} – ${periodLabel(last, trend.interval)}`;
  });
  protected readonly changeLabel = computed(() => {
    const change = this.change();
    const trend = this.nps();
    if (!change || !trend) return '';
    return `${periodLabel(change.current, trend.interval)} vs ${periodLabel(change.previous, trend.interval)}`;
  });
  protected readonly trendChart = computed(() => {
    const trend = this.nps();
    return trend ? npsTrendChart(trend) : null;
  });
  protected readonly distributionChart = computed(() => {
    const distribution = this.data.value()?.distribution;
    return distribution ? distributionChart(distribution) : null;
  });
  protected readonly sizesChart = computed(() => {
    const sizes = this.sizes.value();
    return sizes && sizes.total > 0 ? segmentSizesChart(sizes) : null;
  });
  protected readonly segmentOptions = computed(
    () => this.sizes.value()?.segments ?? [],
  );
  protected readonly shareOf = (count: number, n: number) =>
    n === 0 ? 0 : count / n;

  protected exportTrend(): void {
    this.analytics
      .npsCsv(this.query())
      .subscribe((blob) => saveFile(blob, `nps-by-${this.interval()}.csv`));
  }

  protected ciText(low: number, high: number): string {
    return `${Math.round(low)} to ${Math.round(high)}`;
  }
}
