import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  DEFAULT_PAGE_SIZE,
  RewardState,
  RewardSummary,
  formatRewardAmount,
  rewardStatusText,
} from '@advocacy/shared';
import { RewardsApi } from '../../../core/api/rewards-api';
import { ApiError } from '../../../core/api/api-error';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { ClaimAttempts, isRetryable } from './claim-attempts';

const STATE_LABELS: Record<RewardState, string> = {
  pending: 'On hold',
  available: 'Ready to claim',
  claimed: 'Claimed',
  fulfilled: 'Delivered',
  reversed: 'Reversed',
  expired: 'Expired',
  rejected: 'Not approved',
  over_budget: 'In review',
};

@Component({
  selector: 'app-wallet-page',
  imports: [
    DatePipe,
    EmptyStateComponent,
    MatButton,
    MatChip,
    MatChipSet,
    MatPaginator,
    MatProgressBar,
    PageHeaderComponent,
  ],
  templateUrl: './wallet-page.component.html',
  styleUrl: './wallet-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WalletPageComponent {
  private readonly api = inject(RewardsApi);
  private readonly notifier = inject(Notifier);
  private readonly attempts = new ClaimAttempts();

  protected readonly labels = STATE_LABELS;
  protected readonly statusText = rewardStatusText;
  protected readonly amountText = formatRewardAmount;
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  /** Rewards whose claim request is in flight, and those whose last attempt may be retried. */
  protected readonly claiming = signal<ReadonlySet<string>>(new Set());
  protected readonly retryable = signal<ReadonlySet<string>>(new Set());

  private readonly query = computed(() => ({
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
  }));
  protected readonly rewards = loadOnChange(this.query, (query) =>
    this.api.mine(query),
  );
  protected readonly wallet = loadOnChange(signal(0), () => this.api.wallet());
  protected readonly storeCredit = computed(() =>
    (this.wallet.value()?.balances.storeCredit ?? []).map((total) =>
      formatRewardAmount({
        type: 'store_credit',
        amount: total.amountMinor,
        currency: total.currency,
      }),
    ),
  );

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected claim(reward: RewardSummary): void {
    const key = this.attempts.keyFor(reward.id);
    this.claiming.update((set) => new Set(set).add(reward.id));
    this.api.claim(reward.id, key).subscribe({
      next: (claimed) => {
        this.attempts.settle(reward.id);
        this.done(reward.id, false);
        this.notifier.info(
          claimed.couponCode
            ? `Your code: ${claimed.couponCode}`
            : 'Reward claimed',
        );
        this.rewards.reload();
        this.wallet.reload();
      },
      error: (error: unknown) => {
        const api = error instanceof ApiError ? error : null;
        const retry = api ? isRetryable(api.status, api.code) : true;
        if (!retry) this.attempts.settle(reward.id);
        this.done(reward.id, retry);
        this.notifier.error(
          retry
            ? `${api?.message ?? 'The claim did not go through.'} Try again.`
            : (api?.message ?? 'Could not claim'),
        );
        if (!retry) this.rewards.reload();
      },
    });
  }

  private done(id: string, retry: boolean): void {
    this.claiming.update((set) => {
      const next = new Set(set);
      next.delete(id);
      return next;
    });
    this.retryable.update((set) => {
      const next = new Set(set);
      if (retry) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
