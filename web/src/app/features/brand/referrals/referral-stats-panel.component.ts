import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { ReferralStats } from '@advocacy/shared';
import { ChartConfiguration } from 'chart.js';
import { ReferralEventsApi } from '../../../core/api/referral-events-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { stackedBar } from '../../../shared/charts/chart-configs';

const money = (minor: number) =>
  (minor / 100).toLocaleString(undefined, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

/** Clicks → sign-ups → purchases per segment of the referrer, with revenue and rewards issued. */
@Component({
  selector: 'app-referral-stats-panel',
  imports: [ChartComponent],
  template: `
    <section>
      <h2>Programme stats</h2>
      @if (stats.value(); as value) {
        <div class="totals" data-testid="referral-totals">
          <div class="card">
            <span class="muted">Referral revenue</span
            ><strong>{{ money(value.revenueMinor) }}</strong>
          </div>
          <div class="card">
            <span class="muted">Rewards issued</span
            ><strong>{{ value.rewardsIssued }}</strong>
          </div>
          <div class="card">
            <span class="muted">Rewards value</span
            ><strong>{{ money(value.rewardsValueMinor) }}</strong>
          </div>
        </div>
        @if (value.funnel.length > 0) {
          <app-chart
            [config]="funnelChart()"
            label="Clicks, sign-ups and purchases by segment"
          />
        } @else {
          <p class="muted">No clicks or referrals yet.</p>
        }
      }
    </section>
  `,
  styleUrl: './referrals-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralStatsPanelComponent {
  private readonly api = inject(ReferralEventsApi);
  protected readonly money = money;
  protected readonly stats = loadOnChange(signal(null), () => this.api.stats());

  protected readonly funnelChart = computed<ChartConfiguration>(() => {
    const funnel = (this.stats.value() as ReferralStats | null)?.funnel ?? [];
    const stages = ['Clicks', 'Sign-ups', 'Purchases'];
    return stackedBar(
      stages,
      funnel.map((row) => ({
        name: row.segmentKey,
        values: [row.clicks, row.signups, row.purchases],
      })),
    ) as ChartConfiguration;
  });

  reload(): void {
    this.stats.reload();
  }
}
