import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { ReferralFunnel } from '@advocacy/shared';
import { SERIES_COLORS } from '../../../shared/charts/chart-colors';
import { barChart } from '../../../shared/charts/chart-configs';
import { ChartComponent } from '../../../shared/charts/chart.component';

/** Clicks to rewards as bars; steps the events feature does not measure yet are left out. */
@Component({
  selector: 'app-funnel-chart',
  imports: [ChartComponent],
  template: `
    <p class="summary" data-testid="funnel-summary">{{ summary() }}</p>
    <app-chart [config]="config()" [label]="summary()" />
  `,
  styles: `
    :host {
      display: block;
      --chart-height: 200px;
    }
    .summary {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FunnelChartComponent {
  readonly funnel = input.required<ReferralFunnel>();

  private readonly steps = computed(() => {
    const f = this.funnel();
    const steps: [string, number][] = [
      ['Clicks', f.clicks],
      ['Unique visitors', f.uniqueClicks],
    ];
    if (f.conversions)
      steps.push(
        ['Sign-ups', f.conversions.signups],
        ['Purchases', f.conversions.purchases],
        ['Rewards', f.conversions.rewards],
      );
    return steps;
  });

  protected readonly summary = computed(() =>
    this.steps()
      .map(([label, value]) => `${label}: ${value}`)
      .join(', '),
  );

  protected readonly config = computed(() => {
    const steps = this.steps();
    return barChart(
      steps.map(([label]) => label),
      steps.map(([, value]) => value),
      steps.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]),
      'Your funnel',
    );
  });
}
