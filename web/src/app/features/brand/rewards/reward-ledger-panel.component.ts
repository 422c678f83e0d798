import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
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
import { MatTableModule } from '@angular/material/table';
import {
  DEFAULT_PAGE_SIZE,
  RewardAdminRow,
  formatRewardAmount,
  rewardStatusText,
} from '@advocacy/shared';
import { RewardsApi } from '../../../core/api/rewards-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { ManualGrantPanelComponent } from './manual-grant-panel.component';

const REVERSIBLE = [
  'pending',
  'available',
  'claimed',
  'over_budget',
  'fulfilled',
];

/** Every reward, newest first: grant one by hand, or reverse one (a delivered one is clawed back). */
@Component({
  selector: 'app-reward-ledger-panel',
  imports: [
    FieldErrorComponent,
    ManualGrantPanelComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatPaginator,
    MatTableModule,
    ReactiveFormsModule,
  ],
  templateUrl: './reward-ledger-panel.component.html',
  styleUrl: './rewards-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RewardLedgerPanelComponent {
  private readonly api = inject(RewardsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);

  protected readonly amountText = formatRewardAmount;
  protected readonly statusText = rewardStatusText;
  protected readonly columns = ['advocate', 'amount', 'status', 'actions'];
  protected readonly pageIndex = signal(0);
  protected readonly rewards = loadOnChange(
    computed(() => ({
      page: this.pageIndex() + 1,
      pageSize: DEFAULT_PAGE_SIZE,
    })),
    (query) => this.api.list(query),
  );

  protected readonly selected = signal<RewardAdminRow | null>(null);
  protected readonly busy = signal(false);
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3)],
    }),
    amount: new FormControl<number | null>(null, {
      validators: [Validators.min(1)],
    }),
  });

  protected canReverse(row: RewardAdminRow): boolean {
    return row.source !== 'clawback' && REVERSIBLE.includes(row.state);
  }

  protected select(row: RewardAdminRow): void {
    this.form.reset();
    this.selected.set(row);
  }

  protected reverse(row: RewardAdminRow): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { reason, amount } = this.form.getRawValue();
    this.busy.set(true);
    this.api
      .reverse(row.id, {
        reason,
        ...(amount === null || `${amount}` === ''
          ? {}
          : { amount: Number(amount) }),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.selected.set(null);
          this.notifier.info(
            row.state === 'fulfilled' ? 'Clawed back' : 'Reversed',
          );
          this.rewards.reload();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.serverErrors.apply(this.form, error);
        },
      });
  }

  protected paged(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }
}
