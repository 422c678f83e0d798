import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { DEFAULT_PAGE_SIZE, ReferralView } from '@advocacy/shared';
import { Observable } from 'rxjs';
import {
  ReferralDecision,
  ReferralEventsApi,
} from '../../../core/api/referral-events-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';

type Decision = 'approve' | 'reject';

/** Referrals the fraud rules held (or flagged in shadow mode): approve, or reject with a note. */
@Component({
  selector: 'app-review-queue-panel',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatPaginator,
    ReactiveFormsModule,
  ],
  templateUrl: './review-queue-panel.component.html',
  styleUrl: './referrals-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueuePanelComponent {
  private readonly api = inject(ReferralEventsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);

  readonly decided = output<ReferralDecision>();
  protected readonly pageIndex = signal(0);
  protected readonly queue = loadOnChange(
    computed(() => ({
      page: this.pageIndex() + 1,
      pageSize: DEFAULT_PAGE_SIZE,
    })),
    (query) => this.api.reviews(query),
  );
  protected readonly selected = signal<{
    id: string;
    decision: Decision;
  } | null>(null);
  protected readonly busy = signal(false);
  protected readonly form = new FormGroup({
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(2000)],
    }),
  });

  protected open(row: ReferralView, decision: Decision): void {
    this.form.reset();
    const note = this.form.controls.note;
    note.setValidators(
      decision === 'reject'
        ? [Validators.required, Validators.maxLength(2000)]
        : [Validators.maxLength(2000)],
    );
    note.updateValueAndValidity();
    this.selected.set({ id: row.id, decision });
  }

  protected submit(): void {
    const selected = this.selected();
    if (!selected) return;
    if (this.form.invalid) return this.form.markAllAsTouched();
    const note = this.form.getRawValue().note.trim();
    const body = note ? { note } : {};
    const call: Observable<ReferralDecision> =
      selected.decision === 'approve'
        ? this.api.approve(selected.id, body)
        : this.api.reject(selected.id, body);
    this.busy.set(true);
    call.subscribe({
      next: (result) => {
        this.busy.set(false);
        this.selected.set(null);
        this.notifier.info(
          result.status === 'rejected' ? 'Rejected' : 'Approved',
        );
        this.decided.emit(result);
        this.queue.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.serverErrors.apply(this.form, error);
      },
    });
  }

  protected onHold(row: ReferralView): boolean {
    return row.status === 'in_review';
  }

  protected flagText(row: ReferralView): string {
    return row.flags
      .map(
        (flag) =>
          `${flag.rule.replace(/_/g, ' ')} (${flag.mode === 'shadow' ? 'shadow' : flag.decision})`,
      )
      .join(', ');
  }

  protected paged(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }
}
