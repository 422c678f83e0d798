import { DatePipe, DecimalPipe, TitleCasePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { CustomerDetail } from '@advocacy/shared';
import { CustomersApi } from '../../../core/api/customers-api';
import { SegmentsApi } from '../../../core/api/segments-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ChartComponent } from '../../../shared/charts/chart.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { CustomerDialogComponent } from './customer-dialog.component';
import { npsHistoryChart } from './nps-history-chart';
import { SegmentChipComponent } from './segment-chip.component';
import { segmentName, segmentOptions } from './segment-names';
import {
  SurveyLinkDialogComponent,
  SurveyLinkDialogData,
} from './survey-link-dialog.component';

const ANSWERS_PAGE_SIZE = 10;

@Component({
  selector: 'app-customer-detail-page',
  imports: [
    ChartComponent,
    DatePipe,
    DecimalPipe,
    EmptyStateComponent,
    MatButton,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    RouterLink,
    TitleCasePipe,
    SegmentChipComponent,
  ],
  templateUrl: './customer-detail-page.component.html',
  styleUrl: './customer-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerDetailPageComponent {
  private readonly customersApi = inject(CustomersApi);
  private readonly dialog = inject(MatDialog);

  /** From the route `/brand/customers/:id`. */
  readonly id = input.required<string>();

  protected readonly segments = segmentOptions(inject(SegmentsApi));
  protected readonly customer = loadOnChange(this.id, (id) =>
    this.customersApi.get(id),
  );
  protected readonly segmentLabel = computed(() =>
    segmentName(this.segments(), this.customer.value()?.segmentKey ?? null),
  );
  protected readonly chart = computed(() =>
    npsHistoryChart(this.customer.value()?.responses ?? []),
  );
  protected readonly answersPage = signal(0);
  protected readonly answersPageSize = ANSWERS_PAGE_SIZE;
  protected readonly answers = computed(() => {
    const start = this.answersPage() * ANSWERS_PAGE_SIZE;
    return (this.customer.value()?.responses ?? []).slice(
      start,
      start + ANSWERS_PAGE_SIZE,
    );
  });
  protected readonly moves = computed(() =>
    (this.customer.value()?.segmentHistory ?? []).map((move) => ({
      ...move,
      from: move.fromSegmentKey
        ? segmentName(this.segments(), move.fromSegmentKey)
        : null,
      to: segmentName(this.segments(), move.toSegmentKey),
    })),
  );
  protected readonly answerColumns = [
    'respondedAt',
    'survey',
    'score',
    'comment',
  ];

  protected changeAnswersPage(event: PageEvent): void {
    this.answersPage.set(event.pageIndex);
  }

  protected edit(customer: CustomerDetail): void {
    this.dialog
      .open<CustomerDialogComponent, CustomerDetail | null, CustomerDetail>(
        CustomerDialogComponent,
        {
          data: customer,
          width: '640px',
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.customer.reload();
      });
  }

  protected createLink(customer: CustomerDetail): void {
    this.dialog.open<SurveyLinkDialogComponent, SurveyLinkDialogData>(
      SurveyLinkDialogComponent,
      {
        data: { customerId: customer.id, customerName: customer.name },
        width: '560px',
        maxWidth: '95vw',
      },
    );
  }
}
