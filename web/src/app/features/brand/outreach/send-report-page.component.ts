import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { MatButton } from '@angular/material/button';
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  OUTREACH_MESSAGE_STATUSES,
  OutreachMessageStatus,
} from '@advocacy/shared';
import { OutreachApi } from '../../../core/api/outreach-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import {
  MESSAGE_STATUS_LABELS,
  PURPOSE_LABELS,
  SEND_STATUS_LABELS,
  categoryChart,
  clicksByDayChart,
  categoryLabel,
  messageStatusLabel,
  clickRate,
  describeAudience,
  outcomeChart,
  reasonLabel,
  reasonRows,
} from './outreach-labels';

/** While a send is going out its numbers move; a few seconds is fresh enough. */
const LIVE_REFRESH_MS = 3000;

/** One send's report: what went out, what was skipped and why, and the clicks it led to. */
@Component({
  selector: 'app-send-report-page',
  imports: [
    ChartComponent,
    DatePipe,
    EmptyStateComponent,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    PageHeaderComponent,
    RouterLink,
  ],
  templateUrl: './send-report-page.component.html',
  styleUrl: './send-report-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SendReportPageComponent {
  private readonly api = inject(OutreachApi);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route `sends/:id`. */
  readonly id = input.required<string>();

  protected readonly purposeLabels = PURPOSE_LABELS;
  protected readonly statusLabels = SEND_STATUS_LABELS;
  protected readonly messageStatusLabels = MESSAGE_STATUS_LABELS;
  protected readonly categoryLabel = categoryLabel;
  protected readonly messageStatusLabel = messageStatusLabel;
  protected readonly messageStatuses = OUTREACH_MESSAGE_STATUSES;
  protected readonly reasonLabel = reasonLabel;
  protected readonly pageSizeOptions = [10, 25, 50, 100];
  protected readonly columns = [
    'customer',
    'category',
    'status',
    'sent',
    'clicks',
  ];

  protected readonly report = loadOnChange(
    computed(() => this.id()),
    (id) => this.api.report(id),
  );
  protected readonly view = computed(() => this.report.value());
  protected readonly audience = computed(() => {
    const report = this.view();
    return report ? describeAudience(report.audience) : '';
  });
  protected readonly rate = computed(() => {
    const report = this.view();
    return report ? clickRate(report) : null;
  });
  protected readonly outcome = computed(() => {
    const report = this.view();
    return report && report.counts.recipients > 0 ? outcomeChart(report) : null;
  });
  protected readonly byCategory = computed(() => {
    const report = this.view();
    return report && report.byCategory.some((row) => row.sent > 0)
      ? categoryChart(report)
      : null;
  });
  protected readonly clicksByDay = computed(() => {
    const report = this.view();
    return report ? clicksByDayChart(report) : null;
  });
  protected readonly reasons = computed(() => {
    const report = this.view();
    return report ? reasonRows(report) : [];
  });
  protected readonly live = computed(() => {
    const status = this.view()?.status;
    return status === 'running' || status === 'scheduled';
  });

  protected readonly status = signal<OutreachMessageStatus | ''>('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly messages = loadOnChange(
    computed(() => ({
      id: this.id(),
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      status: this.status() || undefined,
    })),
    ({ id, ...query }) => this.api.messages(id, query),
  );
  protected readonly rows = computed(() => this.messages.value()?.items ?? []);

  constructor() {
    effect((onCleanup) => {
      if (!this.live()) return;
      const timer = setInterval(() => {
        this.report.reload();
        this.messages.reload();
      }, LIVE_REFRESH_MS);
      onCleanup(() => clearInterval(timer));
    });
  }

  protected filter(status: OutreachMessageStatus | ''): void {
    this.status.set(status);
    this.pageIndex.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected cancel(): void {
    this.api
      .cancel(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        this.notifier.info('The send is cancelled; nothing more goes out.');
        this.report.reload();
        this.messages.reload();
      });
  }
}
