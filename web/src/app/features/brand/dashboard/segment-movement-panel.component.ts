import { DecimalPipe } from '@angular/common';
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
import { SegmentsApi } from '../../../core/api/segments-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { movementChart } from './dashboard-charts';

const DAY_MS = 24 * 3600 * 1000;

/** Who moved between segments in the chosen period, as stacked bars by origin. */
@Component({
  selector: 'app-segment-movement-panel',
  imports: [ChartComponent, DecimalPipe, MatButtonToggle, MatButtonToggleGroup],
  template: `
    <header>
      <h2>Segment movement</h2>
      <mat-button-toggle-group
        hideSingleSelectionIndicator
        [value]="days()"
        (change)="days.set($event.value)"
        aria-label="Period"
        data-testid="movement-period"
      >
        <mat-button-toggle [value]="7">7 days</mat-button-toggle>
        <mat-button-toggle [value]="30">30 days</mat-button-toggle>
        <mat-button-toggle [value]="90">90 days</mat-button-toggle>
      </mat-button-toggle-group>
    </header>
    @if (chart(); as config) {
      <p class="summary">
        {{ moved() | number }} moves in the last {{ days() }} days
        @for (move of highlights(); track move.label) {
          · <strong>{{ move.count | number }}</strong> {{ move.label }}
        }
      </p>
      <app-chart
        [config]="config"
        label="Customers moving between segments, by segment of origin"
        data-testid="chart-movement"
      />
    } @else if (!movement.loading()) {
      <p class="muted" data-testid="movement-empty">
        Nobody changed segment in the last {{ days() }} days.
      </p>
    }
  `,
  styles: `
    :host {
      --chart-height: 280px;
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
    .summary,
    .muted {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentMovementPanelComponent {
  private readonly api = inject(SegmentsApi);
  protected readonly days = signal(90);

  protected readonly movement = loadOnChange(
    computed(() => {
      const to = new Date();
      return {
        from: new Date(to.getTime() - this.days() * DAY_MS).toISOString(),
        to: to.toISOString(),
      };
    }),
    (query) => this.api.movement(query),
  );
  protected readonly chart = computed(() => {
    const movement = this.movement.value();
    return movement && movement.moves.length > 0
      ? movementChart(movement)
      : null;
  });
  protected readonly moved = computed(() =>
    (this.movement.value()?.moves ?? [])
      .filter((m) => m.from !== null)
      .reduce((sum, m) => sum + m.count, 0),
  );
  /** The moves a brand watches most: into promoter, and into detractor. */
  protected readonly highlights = computed(() => {
    const moves = this.movement.value()?.categoryMoves ?? [];
    const count = (from: string, to: string) =>
      moves
        .filter((m) => m.from === from && m.to === to)
        .reduce((sum, m) => sum + m.count, 0);
    return [
      { label: 'passive → promoter', count: count('passive', 'promoter') },
      { label: 'promoter → detractor', count: count('promoter', 'detractor') },
    ].filter((m) => m.count > 0);
  });
}
