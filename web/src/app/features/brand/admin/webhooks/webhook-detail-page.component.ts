import { DatePipe, JsonPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  WEBHOOK_DELIVERY_STATES,
  WebhookDeliveryDetail,
  WebhookDeliveryState,
  WebhookDeliverySummary,
  WebhookEndpointSummary,
} from '@advocacy/shared';
import { Observable, of, switchMap } from 'rxjs';
import { WebhooksApi } from '../../../../core/api/webhooks-api';
import { loadOnChange } from '../../../../core/data/load-on-change';
import { Notifier } from '../../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../../shared/ui/empty-state.component';
import {
  ConfirmDialogComponent,
  ConfirmDialogData,
} from '../../surveys/confirm-dialog.component';
import {
  SecretDialogComponent,
  SecretDialogData,
} from './secret-dialog.component';
import { EndpointDialogComponent } from './endpoint-dialog.component';
import { DELIVERY_STATE_LABELS, outcomeLabel } from './webhook-labels';

@Component({
  selector: 'app-webhook-detail-page',
  imports: [
    DatePipe,
    EmptyStateComponent,
    JsonPipe,
    MatButton,
    MatFormField,
    MatIcon,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './webhook-detail-page.component.html',
  styleUrl: './webhook-detail-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookDetailPageComponent {
  /** Route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(WebhooksApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly states = WEBHOOK_DELIVERY_STATES;
  protected readonly stateLabels = DELIVERY_STATE_LABELS;
  protected readonly outcome = outcomeLabel;
  protected readonly columns = [
    'event',
    'state',
    'attempts',
    'response',
    'createdAt',
    'actions',
  ];
  protected readonly busy = signal(false);
  protected readonly stateFilter = signal<WebhookDeliveryState | ''>('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly selectedId = signal<string | null>(null);

  protected readonly endpoint = loadOnChange(
    computed(() => this.id()),
    (id) => this.api.get(id),
  );
  protected readonly deliveries = loadOnChange(
    computed(() => ({
      id: this.id(),
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      state: this.stateFilter() || undefined,
    })),
    ({ id, ...query }) => this.api.deliveries(id, query),
  );
  protected readonly rows = computed(() =>
    (this.deliveries.value()?.items ?? []).map((delivery) => ({
      ...delivery,
      stateLabel: DELIVERY_STATE_LABELS[delivery.state],
      outcomeText: outcomeLabel(delivery.lastStatusCode, delivery.lastError),
    })),
  );
  protected readonly total = computed(
    () => this.deliveries.value()?.total ?? 0,
  );
  protected readonly selected = signal<WebhookDeliveryDetail | null>(null);

  constructor() {
    toObservable(this.selectedId)
      .pipe(
        switchMap((id) => (id ? this.api.delivery(id) : of(null))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((detail) => this.selected.set(detail));
  }

  protected filter(state: WebhookDeliveryState | ''): void {
    this.stateFilter.set(state);
    this.pageIndex.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected toggleDetail(delivery: WebhookDeliverySummary): void {
    this.selectedId.update((current) =>
      current === delivery.id ? null : delivery.id,
    );
  }

  protected setActive(active: boolean): void {
    this.run(this.api.update(this.id(), { active }), () => {
      this.notifier.info(
        active
          ? 'Endpoint enabled: new events will be delivered.'
          : 'Endpoint disabled: no events are sent until you enable it.',
      );
      this.endpoint.reload();
    });
  }

  protected edit(endpoint: WebhookEndpointSummary): void {
    this.dialog
      .open<EndpointDialogComponent, WebhookEndpointSummary, unknown>(
        EndpointDialogComponent,
        { width: '560px', maxWidth: '95vw', data: endpoint },
      )
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.info('Endpoint saved.');
        this.endpoint.reload();
      });
  }

  protected sendTest(): void {
    this.run(this.api.sendTest(this.id()), () => {
      this.notifier.info('Test event queued; its delivery appears below.');
      this.refreshSoon();
    });
  }

  protected replay(delivery: WebhookDeliverySummary): void {
    this.run(this.api.replay(delivery.id), () => {
      this.notifier.info(
        `Replaying ${delivery.eventType} with the same webhook-id.`,
      );
      this.refreshSoon();
    });
  }

  protected rotate(): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(
        ConfirmDialogComponent,
        {
          data: {
            title: 'Rotate the signing secret?',
            message:
              'A new secret signs from now on. The current one keeps signing alongside it for 24 hours, so your receiver can switch without missing a delivery.',
            confirm: 'Rotate secret',
          },
        },
      )
      .afterClosed()
      .subscribe((ok) => {
        if (!ok) return;
        this.run(this.api.rotate(this.id(), { graceHours: 24 }), (rotated) => {
          this.endpoint.reload();
          this.dialog.open<SecretDialogComponent, SecretDialogData>(
            SecretDialogComponent,
            {
              width: '560px',
              maxWidth: '95vw',
              disableClose: true,
              data: {
                title: 'New signing secret',
                secret: rotated.secret,
                previousValidUntil: rotated.previousSecretExpiresAt
                  ? new Date(rotated.previousSecretExpiresAt).toLocaleString()
                  : null,
              },
            },
          );
        });
      });
  }

  protected remove(): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(
        ConfirmDialogComponent,
        {
          data: {
            title: 'Delete this endpoint?',
            message:
              'It stops receiving events at once and its delivery log is deleted. This cannot be undone.',
            confirm: 'Delete',
            danger: true,
          },
        },
      )
      .afterClosed()
      .subscribe((ok) => {
        if (!ok) return;
        this.run(this.api.remove(this.id()), () => {
          this.notifier.info('Endpoint deleted.');
          void this.router.navigate(['/brand/admin/webhooks']);
        });
      });
  }

  /** Deliveries run on a queue; a moment later the log shows the outcome. */
  private refreshSoon(): void {
    this.deliveries.reload();
    setTimeout(() => {
      this.deliveries.reload();
      this.endpoint.reload();
    }, 1500);
  }

  private run<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: () => this.busy.set(false),
    });
  }
}
