import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { ActivatedRoute, Router } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  REFERRAL_REASONS,
  REFERRAL_STATUSES,
  ReferralReason,
  ReferralStatus,
} from '@advocacy/shared';
import { ReferralEventsApi } from '../../../core/api/referral-events-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { EventInboxPanelComponent } from './event-inbox-panel.component';
import { ReferralStatsPanelComponent } from './referral-stats-panel.component';
import { ReviewQueuePanelComponent } from './review-queue-panel.component';

/** Tabs of the page, in order; the first is the default and leaves the URL bare. */
export const REFERRALS_TABS = ['referrals', 'events'] as const;
export type ReferralsTab = (typeof REFERRALS_TABS)[number];

/** The tab index a `?tab=` value opens; anything unknown opens the first tab. */
export function tabIndex(value: string | null | undefined): number {
  const index = REFERRALS_TABS.indexOf(value as ReferralsTab);
  return index < 0 ? 0 : index;
}

/**
 * Manager view of referred friends: stats, the fraud review queue and the filterable table on one tab,
 * incoming conversion events on the other. The open tab lives in the URL (`?tab=events`).
 */
@Component({
  selector: 'app-referrals-page',
  imports: [
    EventInboxPanelComponent,
    FormsModule,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatSelect,
    MatTab,
    MatTabContent,
    MatTabGroup,
    MatTableModule,
    PageHeaderComponent,
    ReferralStatsPanelComponent,
    ReviewQueuePanelComponent,
  ],
  templateUrl: './referrals-page.component.html',
  styleUrl: './referrals-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralsPageComponent {
  private readonly api = inject(ReferralEventsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly statsPanel = viewChild(ReferralStatsPanelComponent);

  /** Query parameter `tab`, bound by the router. */
  readonly tab = input<string | undefined>();
  protected readonly selectedTab = computed(() => tabIndex(this.tab()));

  protected readonly statuses = REFERRAL_STATUSES;
  protected readonly reasons = Object.keys(
    REFERRAL_REASONS,
  ) as ReferralReason[];
  protected readonly columns = [
    'friend',
    'referrer',
    'segment',
    'status',
    'purchase',
  ];
  protected readonly status = signal<ReferralStatus | ''>('');
  protected readonly reason = signal<ReferralReason | ''>('');
  protected readonly segment = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly referrals = loadOnChange(
    computed(() => ({
      page: this.pageIndex() + 1,
      pageSize: DEFAULT_PAGE_SIZE,
      ...(this.status() ? { status: this.status() as ReferralStatus } : {}),
      ...(this.reason() ? { reasonCode: this.reason() as ReferralReason } : {}),
      ...(this.segment().trim() ? { segmentKey: this.segment().trim() } : {}),
    })),
    (query) => this.api.list(query),
  );

  protected filter(apply: () => void): void {
    apply();
    this.pageIndex.set(0);
  }

  protected amount(minor: number | null, currency: string | null): string {
    return minor === null
      ? '—'
      : `${(minor / 100).toFixed(2)} ${currency ?? ''}`.trim();
  }

  protected decided(): void {
    this.referrals.reload();
    this.statsPanel()?.reload();
  }

  protected selectTab(index: number): void {
    if (index === this.selectedTab()) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { tab: index > 0 ? REFERRALS_TABS[index] : null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected paged(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }
}
