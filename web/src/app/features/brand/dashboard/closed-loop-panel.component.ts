import { DecimalPipe, PercentPipe } from '@angular/common';
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
import { RouterLink } from '@angular/router';
import { CaseStats } from '@advocacy/shared';
import { CasesApi } from '../../../core/api/cases-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { barChart } from '../../../shared/charts/chart-configs';
import { CATEGORY_COLORS, PRIMARY } from '../../../shared/charts/chart-colors';

const DAY_MS = 24 * 3600 * 1000;

/** The closed loop as a funnel: opened, contacted, answered again, and scored higher. */
export function closedLoopFunnel(stats: CaseStats) {
  return barChart(
    ['Cases opened', 'Contacted', 'Answered again', 'Scored higher'],
    [
      stats.opened,
      stats.contacted,
      stats.answeredLater,
      stats.scoredHigherLater,
    ],
    [
      CATEGORY_COLORS.detractor,
      PRIMARY,
      CATEGORY_COLORS.passive,
      CATEGORY_COLORS.promoter,
    ],
    'Customers',
  );
}

/** Share of `part` in `whole`, or null when there is nothing to divide. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Detractors and drops followed up in the chosen period, and whether it helped. */
@Component({
  selector: 'app-closed-loop-panel',
  imports: [
    ChartComponent,
    DecimalPipe,
    MatButtonToggle,
    MatButtonToggleGroup,
    PercentPipe,
    RouterLink,
  ],
  template: `
    <header>
      <h2>Closed loop</h2>
      <mat-button-toggle-group
        hideSingleSelectionIndicator
        [value]="days()"
        (change)="days.set($event.value)"
        aria-label="Period"
        data-testid="closed-loop-period"
      >
        <mat-button-toggle [value]="30">30 days</mat-button-toggle>
        <mat-button-toggle [value]="90">90 days</mat-button-toggle>
        <mat-button-toggle [value]="365">12 months</mat-button-toggle>
      </mat-button-toggle-group>
    </header>
    @if (stats.value(); as s) {
      @if (s.opened > 0) {
        <div class="figures">
          <div class="figure" data-testid="closed-loop-contacted">
            <span class="value">{{ s.contacted | number }}</span>
            <span class="label"
              >of {{ s.opened | number }} contacted
              @if (contactedShare() !== null) {
                ({{ contactedShare() | percent }})
              }
            </span>
          </div>
          <div class="figure" data-testid="closed-loop-higher">
            <span class="value good">{{ s.scoredHigherLater | number }}</span>
            <span class="label"
              >later scored higher
              @if (s.answeredLater > 0) {
                ({{ s.scoredHigherLater | number }} of
                {{ s.answeredLater | number }} who answered again)
              }
            </span>
          </div>
          <div class="figure">
            <span class="value">{{
              s.medianHoursToContact === null
                ? '—'
                : (s.medianHoursToContact | number: '1.0-1') + ' h'
            }}</span>
            <span class="label">median time to contact</span>
          </div>
          <a
            class="figure link"
            routerLink="/brand/cases"
            [queryParams]="{ overdue: true }"
            data-testid="closed-loop-overdue"
          >
            <span class="value" [class.bad]="s.overdueNow > 0">{{
              s.overdueNow | number
            }}</span>
            <span class="label">overdue now</span>
          </a>
        </div>
        <app-chart
          [config]="chart()!"
          label="Follow-up funnel: cases opened, contacted, answered again, scored higher"
          data-testid="chart-closed-loop"
        />
      } @else {
        <p class="muted" data-testid="closed-loop-empty">
          No detractor or drop opened a case in the last {{ days() }} days.
        </p>
      }
    } @else if (stats.failed()) {
      <p class="muted">The closed-loop figures could not be loaded.</p>
    }
  `,
  styles: `
    :host {
      --chart-height: 220px;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin-bottom: 12px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 12px;
      margin-bottom: 16px;
    }
    .figure {
      display: flex;
      flex-direction: column;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
      color: inherit;
      text-decoration: none;
    }
    .link:hover {
      background: var(--mat-sys-surface-container);
    }
    .value {
      font: var(--mat-sys-headline-small);
      font-weight: 600;
    }
    .good {
      color: #1b873f;
    }
    .bad {
      color: var(--mat-sys-error);
    }
    .label,
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClosedLoopPanelComponent {
  private readonly api = inject(CasesApi);

  protected readonly days = signal(90);
  protected readonly stats = loadOnChange(
    computed(() => this.days()),
    (days) => {
      const to = new Date();
      return this.api.stats({
        from: new Date(to.getTime() - days * DAY_MS).toISOString(),
        to: to.toISOString(),
      });
    },
  );
  protected readonly chart = computed(() => {
    const value = this.stats.value();
    return value ? closedLoopFunnel(value) : null;
  });
  protected readonly contactedShare = computed(() => {
    const value = this.stats.value();
    return value ? shareOf(value.contacted, value.opened) : null;
  });
}
