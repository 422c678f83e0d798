import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  CASE_STATE_LABELS,
  CASE_TRANSITIONS,
  CaseState,
} from '@advocacy/shared';
import { Observable, catchError, of } from 'rxjs';
import { CasesApi } from '../../../core/api/cases-api';
import { AuthService } from '../../../core/auth/auth.service';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { npsHistoryChart } from '../customers/nps-history-chart';
import { categoryOf, dueLabel, reasonLabel } from './case-display';

/** The button that moves a case into each state. */
const MOVE_LABELS: Readonly<Record<CaseState, string>> = {
  open: 'Reopen',
  contacted: 'Mark contacted',
  resolved: 'Resolve',
  closed_without_fix: 'Close without fix',
};

@Component({
  selector: 'app-case-detail-page',
  imports: [
    ChartComponent,
    DatePipe,
    EmptyStateComponent,
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './case-detail-page.component.html',
  styleUrl: './case-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseDetailPageComponent {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(CasesApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly me = inject(AuthService).user;

  protected readonly stateLabels = CASE_STATE_LABELS;
  protected readonly moveLabels = MOVE_LABELS;
  protected readonly canWork = computed(() => {
    const role = this.me()?.role;
    return role === 'manager' || role === 'admin';
  });
  protected readonly busy = signal(false);
  /** Set while the "close without fix" reason form is open. */
  protected readonly closing = signal(false);
  protected readonly owners = toSignal(
    this.api.owners().pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly detail = loadOnChange(
    computed(() => this.id()),
    (id) => this.api.get(id),
  );
  protected readonly view = computed(() => {
    const found = this.detail.value();
    if (!found) return null;
    return {
      ...found,
      due: dueLabel(found.dueAt, found.state),
      reasonText: reasonLabel(found.reason, found.score, found.previousScore),
      category: categoryOf(found.score),
      moves: CASE_TRANSITIONS[found.state].filter(
        (next) => next !== 'closed_without_fix',
      ),
      canClose: CASE_TRANSITIONS[found.state].includes('closed_without_fix'),
      mine: found.ownerId !== null && found.ownerId === this.me()?.id,
    };
  });
  protected readonly chart = computed(() =>
    npsHistoryChart(this.detail.value()?.responses ?? []),
  );

  protected readonly noteForm = this.fb.group({
    body: ['', [Validators.required, Validators.maxLength(5000)]],
  });
  protected readonly closeForm = this.fb.group({
    reason: ['', [Validators.required, Validators.maxLength(1000)]],
  });

  protected move(state: CaseState): void {
    this.run(this.api.move(this.id(), { state }), () =>
      this.notifier.info(`Case ${CASE_STATE_LABELS[state].toLowerCase()}.`),
    );
  }

  protected closeWithoutFix(): void {
    if (this.closeForm.invalid) {
      this.closeForm.markAllAsTouched();
      return;
    }
    const reason = this.closeForm.getRawValue().reason.trim();
    this.busy.set(true);
    this.api
      .move(this.id(), { state: 'closed_without_fix', reason })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.closing.set(false);
          this.closeForm.reset();
          this.notifier.info('Case closed without a fix.');
          this.detail.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.serverErrors.apply(this.closeForm, error);
        },
      });
  }

  protected assign(ownerId: string | null): void {
    this.run(this.api.assign(this.id(), ownerId), () =>
      this.notifier.info(ownerId ? 'Owner changed.' : 'Case unassigned.'),
    );
  }

  protected assignToMe(): void {
    this.run(this.api.assignToMe(this.id()), () =>
      this.notifier.info('The case is yours.'),
    );
  }

  protected addNote(): void {
    if (this.noteForm.invalid) {
      this.noteForm.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api
      .addNote(this.id(), this.noteForm.getRawValue().body.trim())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.noteForm.reset();
          this.detail.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.serverErrors.apply(this.noteForm, error);
        },
      });
  }

  private run<T>(request: Observable<T>, done: () => void): void {
    this.busy.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(false);
        done();
        this.detail.reload();
      },
      error: () => {
        this.busy.set(false);
        this.detail.reload();
      },
    });
  }
}
