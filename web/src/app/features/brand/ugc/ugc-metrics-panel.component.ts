import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { UgcApi } from '../../../core/api/ugc-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { barChart, stackedBar } from '../../../shared/charts/chart-configs';
import { seriesColor } from '../../../shared/charts/chart-colors';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { formatHours, rateRows, weeklySeries } from './ugc-metrics';

@Component({
  selector: 'app-ugc-metrics-panel',
  imports: [
    ChartComponent,
    EmptyStateComponent,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatProgressBar,
  ],
  template: `
    <div class="toolbar">
      <mat-button-toggle-group
        [value]="weeks()"
        (change)="weeks.set($event.value)"
        aria-label="Period"
      >
        <mat-button-toggle [value]="4">4 weeks</mat-button-toggle>
        <mat-button-toggle [value]="12">12 weeks</mat-button-toggle>
        <mat-button-toggle [value]="26">26 weeks</mat-button-toggle>
      </mat-button-toggle-group>
    </div>
    @if (metrics.loading() && !metrics.value()) {
      <mat-progress-bar mode="indeterminate" />
    } @else if (rates().length === 0) {
      <app-empty-state
        icon="chart"
        heading="No submissions in this period"
        message="Charts appear once advocates share stories."
      />
    } @else {
      <div class="charts">
        <section class="chart-card wide" data-testid="ugc-chart-weekly">
          <h3>Submissions per week, by segment at submission</h3>
          <app-chart
            [config]="weeklyConfig()"
            label="Submissions per week by segment"
          />
        </section>
        <section class="chart-card" data-testid="ugc-chart-approval">
          <h3>Approval rate by segment</h3>
          <app-chart
            [config]="approvalConfig()"
            label="Approval rate by segment (percent)"
          />
        </section>
        <section class="chart-card" data-testid="ugc-chart-velocity">
          <h3>Median time to a decision (hours)</h3>
          <app-chart
            [config]="velocityConfig()"
            label="Median review time by segment in hours"
          />
        </section>
      </div>
      <table class="numbers">
        <thead>
          <tr>
            <th>Segment</th>
            <th>Submissions</th>
            <th>Reviewed</th>
            <th>Approved</th>
            <th>Median review time</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rates(); track row.label) {
            <tr>
              <td>{{ row.label }}</td>
              <td>{{ row.submissions }}</td>
              <td>{{ row.reviewed }}</td>
              <td>
                {{
                  row.approvalPercent === null ? '—' : row.approvalPercent + '%'
                }}
              </td>
              <td>{{ hours(row.medianHours) }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    .toolbar {
      display: flex;
      justify-content: flex-end;
      margin-bottom: 16px;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
      gap: 16px;
    }
    .chart-card {
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-lowest);
      box-shadow: var(--mat-sys-level1);
    }
    .chart-card.wide {
      grid-column: 1 / -1;
    }
    h3 {
      margin: 0 0 12px;
      font: var(--mat-sys-title-small);
    }
    .numbers {
      width: 100%;
      margin-top: 16px;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    .numbers th,
    .numbers td {
      padding: 8px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .numbers th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UgcMetricsPanelComponent {
  private readonly api = inject(UgcApi);

  protected readonly weeks = signal(12);
  protected readonly metrics = loadOnChange(this.weeks, (weeks) =>
    this.api.metrics(weeks),
  );
  protected readonly rates = computed(() => {
    const value = this.metrics.value();
    return value ? rateRows(value) : [];
  });
  protected readonly weeklyConfig = computed(() => {
    const value = this.metrics.value();
    return stackedBar(
      (value?.weeks ?? []).map((week) => week.slice(5)),
      value ? weeklySeries(value) : [],
    );
  });
  protected readonly approvalConfig = computed(() => {
    const rows = this.rates();
    const config = barChart(
      rows.map((row) => row.label),
      rows.map((row) => row.approvalPercent ?? 0),
      rows.map((_, i) => seriesColor(i)),
      'Approved %',
    );
    return {
      ...config,
      options: {
        ...config.options,
        scales: {
          ...config.options?.scales,
          y: { beginAtZero: true, max: 100 },
        },
      },
    };
  });
  protected readonly velocityConfig = computed(() => {
    const rows = this.rates();
    return barChart(
      rows.map((row) => row.label),
      rows.map((row) => row.medianHours ?? 0),
      rows.map((_, i) => seriesColor(i)),
      'Median hours',
    );
  });
  protected readonly hours = formatHours;
}
