import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { DEFAULT_PAGE_SIZE, ReferralStatus } from '@advocacy/shared';
import { ReferralEventsApi } from '../../../core/api/referral-events-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';

/** Words an advocate understands for each referral state. */
export const MY_STATUS_TEXT: Record<ReferralStatus, string> = {
  pending: 'Waiting for first purchase',
  qualified: 'Qualified',
  rejected: 'Not eligible',
  in_review: 'Being checked',
  reversed: 'Reversed',
};

/** The friends an advocate referred: masked emails, a status chip and the reason in plain words. */
@Component({
  selector: 'app-my-referrals-page',
  imports: [DatePipe, EmptyStateComponent, MatPaginator, PageHeaderComponent],
  template: `
    <app-page-header
      heading="My referrals"
      subtitle="Friends who joined through your link or code."
    />
    @if (referrals.value(); as page) {
      @if (page.total === 0) {
        <app-empty-state
          icon="group"
          heading="No referrals yet"
          message="Share your link; friends who join appear here."
        />
      } @else {
        <ul class="list" data-testid="my-referrals">
          @for (row of page.items; track row.id) {
            <li class="item">
              <div>
                <strong data-testid="friend-email">{{
                  row.friendEmail
                }}</strong>
                <span class="muted">
                  · joined {{ row.createdAt | date: 'mediumDate' }}</span
                >
                @if (row.reasonText) {
                  <p class="muted reason" data-testid="reason">
                    {{ row.reasonText }}
                  </p>
                }
              </div>
              <span
                class="chip"
                [attr.data-status]="row.status"
                data-testid="status"
                >{{ statusText[row.status] }}</span
              >
            </li>
          }
        </ul>
        <mat-paginator
          [length]="page.total"
          [pageIndex]="pageIndex()"
          [pageSize]="page.pageSize"
          (page)="paged($event)"
        />
      }
    }
  `,
  styles: `
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .item {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .reason {
      margin: 4px 0 0;
    }
    .chip {
      padding: 2px 10px;
      border-radius: 12px;
      white-space: nowrap;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
    }
    .chip[data-status='qualified'] {
      background: #d7f0dd;
      color: #0f5a28;
    }
    .chip[data-status='rejected'],
    .chip[data-status='reversed'] {
      background: #fbe0e0;
      color: #8e1b1b;
    }
    .chip[data-status='in_review'] {
      background: #fff1c8;
      color: #6a4f00;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyReferralsPageComponent {
  private readonly api = inject(ReferralEventsApi);
  protected readonly statusText = MY_STATUS_TEXT;
  protected readonly pageIndex = signal(0);
  protected readonly referrals = loadOnChange(
    computed(() => ({
      page: this.pageIndex() + 1,
      pageSize: DEFAULT_PAGE_SIZE,
    })),
    (query) => this.api.mine(query),
  );

  protected paged(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }
}
