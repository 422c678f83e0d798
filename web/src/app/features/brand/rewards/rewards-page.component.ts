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
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import {
  DEFAULT_PAGE_SIZE,
  RewardAdminRow,
  formatRewardAmount,
  rewardStatusText,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { RewardsApi } from '../../../core/api/rewards-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { CouponPoolsPanelComponent } from './coupon-pools-panel.component';
import { ProgrammeLimitsFormComponent } from './programme-limits-form.component';
import { RewardLedgerPanelComponent } from './reward-ledger-panel.component';
import { RewardTiersEditorComponent } from './reward-tiers-editor.component';

/** Manager view: approvals queue, budgets, coupon pools, payouts and yearly totals. */
@Component({
  selector: 'app-rewards-page',
  imports: [
    CouponPoolsPanelComponent,
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    PageHeaderComponent,
    ProgrammeLimitsFormComponent,
    ReactiveFormsModule,
    RewardLedgerPanelComponent,
    RewardTiersEditorComponent,
  ],
  templateUrl: './rewards-page.component.html',
  styleUrl: './rewards-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RewardsPageComponent {
  private readonly api = inject(RewardsApi);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);

  protected readonly amountText = formatRewardAmount;
  protected readonly statusText = rewardStatusText;
  protected readonly approvalColumns = [
    'advocate',
    'amount',
    'status',
    'actions',
  ];
  protected readonly totalColumns = [
    'year',
    'advocate',
    'rewards',
    'paid',
    'points',
  ];
  protected readonly approvalPage = signal(0);
  protected readonly totalsPage = signal(0);

  protected readonly approvals = loadOnChange(
    computed(() => ({
      queue: 'approvals' as const,
      page: this.approvalPage() + 1,
      pageSize: DEFAULT_PAGE_SIZE,
    })),
    (query) => this.api.list(query),
  );
  protected readonly limits = loadOnChange(signal(0), () => this.api.limits());
  protected readonly totals = loadOnChange(
    computed(() => ({
      page: this.totalsPage() + 1,
      pageSize: DEFAULT_PAGE_SIZE,
    })),
    (query) => this.api.yearlyTotals(query),
  );

  /** The row being decided, with its form. */
  protected readonly selected = signal<RewardAdminRow | null>(null);
  protected readonly decision = new FormGroup({
    reason: new FormControl('', { nonNullable: true }),
    payoutReference: new FormControl('', { nonNullable: true }),
  });
  protected readonly busy = signal(false);

  protected isPayout(row: RewardAdminRow): boolean {
    return row.state === 'claimed';
  }

  protected select(row: RewardAdminRow): void {
    this.decision.reset();
    this.selected.set(row);
  }

  protected approve(row: RewardAdminRow): void {
    this.submit(
      () =>
        this.api.review(row.id, {
          decision: 'approve',
          reason: this.decision.controls.reason.value,
        }),
      'reason',
    );
  }

  protected reject(row: RewardAdminRow): void {
    this.submit(
      () =>
        this.api.review(row.id, {
          decision: 'reject',
          reason: this.decision.controls.reason.value,
        }),
      'reason',
    );
  }

  protected markPaid(row: RewardAdminRow): void {
    this.submit(
      () =>
        this.api.markPaid(row.id, {
          payoutReference: this.decision.controls.payoutReference.value,
        }),
      'payoutReference',
    );
  }

  private submit(
    request: () => Observable<unknown>,
    field: 'reason' | 'payoutReference',
  ): void {
    const control = this.decision.controls[field];
    control.setValidators(Validators.required);
    control.updateValueAndValidity();
    if (control.invalid) {
      control.markAsTouched();
      return;
    }
    this.busy.set(true);
    request().subscribe({
      next: () => {
        this.busy.set(false);
        this.selected.set(null);
        this.notifier.info('Saved');
        this.approvals.reload();
        this.limits.reload();
        this.totals.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.serverErrors.apply(this.decision, error);
      },
    });
  }

  protected budgetPercent(used: number, limit: number): number {
    return limit <= 0 ? 100 : Math.min(100, (used / limit) * 100);
  }

  protected money(amountMinor: number, currency: string | null): string {
    return formatRewardAmount({ type: 'cash', amount: amountMinor, currency });
  }

  protected exportPayouts(): void {
    this.api.payoutsCsv().subscribe((blob) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'payouts.csv';
      link.click();
      URL.revokeObjectURL(url);
    });
  }

  protected approvalsPaged(event: PageEvent): void {
    this.approvalPage.set(event.pageIndex);
  }

  protected totalsPaged(event: PageEvent): void {
    this.totalsPage.set(event.pageIndex);
  }
}
