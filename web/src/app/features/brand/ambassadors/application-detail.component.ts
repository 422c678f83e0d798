import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  ApplicationDetail,
  Decision,
  REJECTION_REASON_LABELS,
  npsCategory,
} from '@advocacy/shared';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { CATEGORY_COLORS } from '../../../shared/charts/chart-colors';
import { barChart } from '../../../shared/charts/chart-configs';
import { STATE_LABELS } from '../../advocate/ambassador/applicant-view';

/** Everything beside one application: segment then and now, referrals, NPS history, notes. */
@Component({
  selector: 'app-application-detail',
  imports: [
    ChartComponent,
    DatePipe,
    FormsModule,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressBar,
  ],
  templateUrl: './application-detail.component.html',
  styleUrl: './application-detail.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationDetailComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  readonly applicationId = input.required<string>();
  /** Bumped by the board after a decision, to load the new state. */
  readonly version = input(0);
  readonly decide = output<Decision>();
  readonly changed = output<void>();

  protected readonly loaded = loadOnChange(
    computed(() => ({ id: this.applicationId(), v: this.version() })),
    ({ id }) => this.api.application(id),
  );
  private readonly updated = signal<ApplicationDetail | null>(null);
  protected readonly detail = computed(() => {
    const fresh = this.updated();
    const loaded = this.loaded.value();
    return fresh && fresh.id === this.applicationId() && !this.loaded.loading()
      ? fresh
      : loaded;
  });
  protected readonly labels = STATE_LABELS;
  protected readonly reasons = REJECTION_REASON_LABELS;
  protected readonly note = signal('');
  protected readonly confirmRevoke = signal(false);

  protected readonly npsChart = computed(() => {
    const history = this.detail()?.npsHistory ?? [];
    return barChart(
      history.map((p) => p.at.slice(0, 10)),
      history.map((p) => p.score),
      history.map((p) => CATEGORY_COLORS[npsCategory(p.score)]),
      'NPS score',
    );
  });

  protected answerText(value: unknown): string {
    if (Array.isArray(value)) return value.join(', ');
    if (value === true) return 'Yes';
    if (value === undefined || value === null || value === '') return '—';
    return String(value);
  }

  protected addNote(): void {
    const body = this.note().trim();
    if (!body) return;
    this.api
      .addNote(this.applicationId(), body)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((detail) => {
        this.note.set('');
        this.updated.set(detail);
      });
  }

  protected revoke(): void {
    this.api
      .revoke(this.applicationId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((detail) => {
        this.confirmRevoke.set(false);
        this.updated.set(detail);
        this.notifier.info(
          `${detail.customerName} is no longer an ambassador.`,
        );
        this.changed.emit();
      });
  }
}
