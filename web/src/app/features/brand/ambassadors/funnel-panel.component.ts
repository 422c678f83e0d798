import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { AmbassadorFunnel, FUNNEL_STAGES } from '@advocacy/shared';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { stackedBar } from '../../../shared/charts/chart-configs';

const STAGE_LABELS = {
  visited: 'Visited',
  started: 'Started',
  submitted: 'Submitted',
  approved: 'Approved',
};

/** Conversion from the first visit to approval, split by the applicant's segment. */
export function funnelChart(funnel: AmbassadorFunnel) {
  return stackedBar(
    FUNNEL_STAGES.map((s) => STAGE_LABELS[s]),
    funnel.bySegment.map((row) => ({
      name: row.segmentName,
      values: FUNNEL_STAGES.map((s) => row[s]),
    })),
  );
}

@Component({
  selector: 'app-funnel-panel',
  imports: [ChartComponent, DecimalPipe, MatProgressBar],
  template: `
    @if (funnel.loading() && !funnel.value()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (funnel.value(); as f) {
      <div class="totals">
        @for (stage of stages; track stage; let i = $index) {
          <div class="total">
            <span class="label">{{ labels[stage] }}</span>
            <span class="value" [attr.data-testid]="'funnel-' + stage">{{
              f.totals[stage]
            }}</span>
            @if (i > 0 && f.totals[stages[i - 1]] > 0) {
              <span class="muted"
                >{{
                  (100 * f.totals[stage]) / f.totals[stages[i - 1]]
                    | number: '1.0-0'
                }}% of {{ labels[stages[i - 1]].toLowerCase() }}</span
              >
            }
          </div>
        }
      </div>
      <section class="card">
        <h3>By segment</h3>
        <app-chart
          [config]="chart()"
          label="Application funnel by segment: visited, started, submitted, approved"
        />
      </section>
      <section class="card">
        <table>
          <thead>
            <tr>
              <th>Segment</th>
              @for (stage of stages; track stage) {
                <th>{{ labels[stage] }}</th>
              }
              <th>Visit → approved</th>
            </tr>
          </thead>
          <tbody>
            @for (row of f.bySegment; track row.segmentKey) {
              <tr>
                <td>{{ row.segmentName }}</td>
                @for (stage of stages; track stage) {
                  <td>{{ row[stage] }}</td>
                }
                <td>
                  {{
                    row.visited
                      ? ((100 * row.approved) / row.visited | number: '1.0-1') +
                        '%'
                      : '—'
                  }}
                </td>
              </tr>
            }
          </tbody>
        </table>
        <p class="muted">
          Visits and started forms count each visitor once. Visitors who were
          not signed in have no segment.
        </p>
      </section>
    }
  `,
  styles: `
    .totals {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 12px;
      margin-bottom: 16px;
    }
    .total,
    .card {
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
    }
    .total {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .card {
      margin-bottom: 16px;
      --chart-height: 300px;
      h3 {
        margin: 0 0 8px;
        font: var(--mat-sys-title-medium);
      }
    }
    .label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      font: var(--mat-sys-headline-medium);
    }
    .muted {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 6px 8px;
      text-align: end;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th:first-child,
    td:first-child {
      text-align: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FunnelPanelComponent {
  private readonly api = inject(AmbassadorsApi);

  readonly programmeId = input.required<string>();

  protected readonly stages = FUNNEL_STAGES;
  protected readonly labels = STAGE_LABELS;
  protected readonly funnel = loadOnChange(this.programmeId, (id) =>
    this.api.funnel(id),
  );
  protected readonly chart = computed(() => {
    const f = this.funnel.value();
    return funnelChart(
      f ?? {
        totals: { visited: 0, started: 0, submitted: 0, approved: 0 },
        bySegment: [],
      },
    );
  });
}
