import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CONSENT_SCOPE_LABELS,
  ModerationAction,
  UGC_MEDIA_TYPES,
  UgcMediaType,
  UgcModerationItem,
  UgcModerationQuery,
  UgcSubmissionStatus,
} from '@advocacy/shared';
import { filter, map, Observable, of, switchMap } from 'rxjs';
import { SegmentsApi } from '../../../core/api/segments-api';
import { UgcApi } from '../../../core/api/ugc-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import {
  ConfirmDialogComponent,
  ConfirmDialogData,
} from '../surveys/confirm-dialog.component';
import { RejectDialogComponent } from './reject-dialog.component';
import { parseTags, selectedExcerpt } from './moderation';

@Component({
  selector: 'app-moderation-board',
  imports: [
    DatePipe,
    EmptyStateComponent,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
  ],
  templateUrl: './moderation-board.component.html',
  styleUrl: './moderation-board.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModerationBoardComponent {
  private readonly api = inject(UgcApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly mediaTypes = UGC_MEDIA_TYPES;
  protected readonly scopeLabels = CONSENT_SCOPE_LABELS;
  protected readonly stars = [1, 2, 3, 4, 5];
  protected readonly status = signal<UgcSubmissionStatus | ''>('pending');
  protected readonly campaignId = signal('');
  protected readonly segmentKey = signal('');
  protected readonly rating = signal<number | ''>('');
  protected readonly mediaType = signal<UgcMediaType | ''>('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());

  protected readonly campaigns = toSignal(
    this.api.campaigns({ page: 1, pageSize: 100 }).pipe(map((p) => p.items)),
    { initialValue: [] },
  );
  protected readonly segments = toSignal(
    inject(SegmentsApi)
      .rules()
      .pipe(map((view) => view.rules.segments)),
    { initialValue: [] },
  );

  protected readonly query = computed<UgcModerationQuery>(() => ({
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
    status: this.status() || undefined,
    campaignId: this.campaignId() || undefined,
    segmentKey: this.segmentKey() || undefined,
    rating: this.rating() || undefined,
    mediaType: this.mediaType() || undefined,
  }));
  protected readonly queue = loadOnChange(this.query, (query) =>
    this.api.queue(query),
  );
  protected readonly items = computed(() => this.queue.value()?.items ?? []);
  protected readonly allSelected = computed(
    () =>
      this.items().length > 0 &&
      this.items().every((item) => this.selected().has(item.id)),
  );

  protected setFilter<T>(target: { set(value: T): void }, value: T): void {
    target.set(value);
    this.pageIndex.set(0);
    this.selected.set(new Set());
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    this.selected.set(new Set());
  }

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(new Set(on ? this.items().map((item) => item.id) : []));
  }

  protected act(item: UgcModerationItem, action: ModerationAction): void {
    this.withReason(action, 1)
      .pipe(
        switchMap((reason) => this.api.moderate(item.id, { action, reason })),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.notifier.info(DONE[action]);
        this.queue.reload();
      });
  }

  protected bulk(action: ModerationAction): void {
    const ids = [...this.selected()];
    this.withReason(action, ids.length)
      .pipe(
        switchMap((reason) => this.api.bulk({ ids, action, reason })),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((result) => {
        const skipped = result.skipped.length;
        this.notifier.info(
          `${result.updated.length} ${DONE_SHORT[action]}` +
            (skipped
              ? `; ${skipped} skipped (${result.skipped[0].reason}).`
              : '.'),
        );
        this.selected.set(new Set());
        this.queue.reload();
      });
  }

  protected saveTags(item: UgcModerationItem, text: string): void {
    this.api
      .tags(item.id, parseTags(text))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        this.notifier.info('Tags saved.');
        this.queue.reload();
      });
  }

  /** The excerpt is whatever the moderator highlighted inside the quote, word for word. */
  protected useSelection(item: UgcModerationItem, quote: HTMLElement): void {
    const excerpt = selectedExcerpt(window.getSelection(), quote);
    if (!excerpt) {
      this.notifier.error('Highlight some words in the quote first.');
      return;
    }
    this.setExcerpt(item, excerpt);
  }

  protected setExcerpt(item: UgcModerationItem, excerpt: string | null): void {
    this.api
      .excerpt(item.id, excerpt)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        this.notifier.info(
          excerpt ? 'Excerpt chosen.' : 'The whole text will be shown.',
        );
        this.queue.reload();
      });
  }

  /** For a submitter who asks the brand directly, e.g. someone who used a public link. */
  protected revokeConsent(item: UgcModerationItem): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(
        ConfirmDialogComponent,
        {
          data: {
            title: 'Withdraw consent on request?',
            message: `Only do this when ${item.submitterName} asked. The content leaves every showcase, widget and feed within a minute; this cannot be undone.`,
            confirm: 'Withdraw consent',
            danger: true,
          },
          maxWidth: '95vw',
          width: '460px',
        },
      )
      .afterClosed()
      .pipe(
        filter((ok) => ok === true),
        switchMap(() => this.api.revokeConsentForSubmitter(item.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        this.notifier.info('Consent withdrawn.');
        this.queue.reload();
      });
  }

  protected scopesOf(item: UgcModerationItem): string {
    return item.consent.scopes.map((s) => this.scopeLabels[s]).join(', ');
  }

  private withReason(
    action: ModerationAction,
    count: number,
  ): Observable<string | undefined> {
    if (action !== 'reject') return of(undefined);
    return this.dialog
      .open<RejectDialogComponent, number, string>(RejectDialogComponent, {
        data: count,
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((reason): reason is string => !!reason));
  }
}

const DONE: Record<ModerationAction, string> = {
  approve: 'Approved.',
  reject: 'Rejected; the submitter sees your reason.',
  feature: 'Featured.',
  unfeature: 'No longer featured.',
};

const DONE_SHORT: Record<ModerationAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  feature: 'featured',
  unfeature: 'unfeatured',
};
