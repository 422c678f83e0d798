import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import {
  DEFAULT_PAGE_SIZE,
  EVENT_PROCESSING_STATES,
  EventInboxItem,
  EventProcessingState,
} from '@advocacy/shared';
import { ReferralEventsApi } from '../../../core/api/referral-events-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { ApiError } from '../../../core/api/api-error';

const STATE_LABELS: Record<EventProcessingState, string> = {
  received: 'Waiting',
  processed: 'Processed',
  failed: 'Failed',
};

/** What brand systems sent: each event's state and outcome, and a retry for the ones parked as failed. */
@Component({
  selector: 'app-event-inbox-panel',
  imports: [DatePipe, MatButton, MatPaginator, MatTableModule],
  templateUrl: './event-inbox-panel.component.html',
  styleUrl: './referrals-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventInboxPanelComponent {
  private readonly api = inject(ReferralEventsApi);
  private readonly notifier = inject(Notifier);

  protected readonly states = EVENT_PROCESSING_STATES;
  protected readonly columns = [
    'received',
    'event',
    'state',
    'outcome',
    'actions',
  ];
  protected readonly state = signal<EventProcessingState | null>(null);
  protected readonly pageIndex = signal(0);
  protected readonly retrying = signal<string | null>(null);
  protected readonly events = loadOnChange(
    computed(() => ({
      page: this.pageIndex() + 1,
      pageSize: DEFAULT_PAGE_SIZE,
      ...(this.state() ? { state: this.state() as EventProcessingState } : {}),
    })),
    (query) => this.api.inbox(query),
  );

  protected readonly emptyLabel = computed(() => {
    const state = this.state();
    return state ? STATE_LABELS[state].toLowerCase() : '';
  });

  protected label(state: EventProcessingState): string {
    return STATE_LABELS[state];
  }

  protected show(state: EventProcessingState | null): void {
    this.state.set(this.state() === state ? null : state);
    this.pageIndex.set(0);
  }

  protected retry(row: EventInboxItem): void {
    this.retrying.set(row.id);
    this.api.retryEvent(row.id).subscribe({
      next: () => {
        this.retrying.set(null);
        this.notifier.info(`${row.eventId} sent back for processing`);
        this.events.reload();
      },
      error: (error: unknown) => {
        this.retrying.set(null);
        // Errors without field details were already announced by the HTTP interceptor.
        if (error instanceof ApiError && error.hasFieldErrors)
          this.notifier.error(error.message);
        this.events.reload();
      },
    });
  }

  protected outcome(row: EventInboxItem): string {
    if (row.state === 'failed') return row.error ?? 'Failed';
    if (row.state === 'received')
      return row.attempts > 0
        ? `Retrying after: ${row.error ?? 'an error'}`
        : 'Queued for processing';
    return (row.outcome ?? 'recorded').replace(/_/g, ' ');
  }

  protected paged(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
  }
}
