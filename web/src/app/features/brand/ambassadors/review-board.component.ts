import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import {
  AmbassadorProgrammeSummary,
  APPLICATION_STATES,
  ApplicationListQuery,
  ApplicationRow,
  ApplicationState,
  DEFAULT_PAGE_SIZE,
  DecisionRequest,
  fillTemplate,
} from '@advocacy/shared';
import { Observable, map } from 'rxjs';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { SegmentsApi } from '../../../core/api/segments-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { STATE_LABELS } from '../../advocate/ambassador/applicant-view';
import { ApplicationDetailComponent } from './application-detail.component';
import {
  DecisionDialogComponent,
  DecisionDialogData,
} from './decision-dialog.component';
import { moveIndex, reviewKeyAction } from './review-keys';

const TEMPLATE_KEY = {
  approve: 'approved',
  reject: 'rejected',
  waitlist: 'waitlisted',
} as const;

/** The manager's review board: filters, keyboard review (j/k, a/r/w, i), bulk actions, waitlist. */
@Component({
  selector: 'app-review-board',
  imports: [
    ApplicationDetailComponent,
    DatePipe,
    EmptyStateComponent,
    FormsModule,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatTooltip,
  ],
  templateUrl: './review-board.component.html',
  styleUrl: './review-board.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
})
export class ReviewBoardComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  readonly programme = input.required<AmbassadorProgrammeSummary>();

  protected readonly states = APPLICATION_STATES.filter((s) => s !== 'draft');
  protected readonly labels = STATE_LABELS;
  protected readonly segments = toSignal(
    inject(SegmentsApi)
      .rules()
      .pipe(map((view) => view.rules.segments)),
    { initialValue: [] },
  );

  protected readonly state = signal<ApplicationState | ''>('submitted');
  protected readonly segment = signal('');
  protected readonly minScore = signal<number | null>(null);
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly sort = signal<'submitted' | 'score'>('submitted');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly inviteCount = signal(1);

  private readonly query = computed<ApplicationListQuery>(() => ({
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
    sort: this.sort(),
    ...(this.state() ? { state: this.state() as ApplicationState } : {}),
    ...(this.segment() ? { segment: this.segment() } : {}),
    ...(this.minScore() !== null
      ? { minScore: this.minScore() as number }
      : {}),
    ...(this.from() ? { from: this.from() } : {}),
    ...(this.to() ? { to: this.to() } : {}),
  }));
  protected readonly board = loadOnChange(
    computed(() => ({ id: this.programme().id, query: this.query() })),
    ({ id, query }) => this.api.applications(id, query),
  );
  protected readonly rows = computed(() => this.board.value()?.items ?? []);
  protected readonly total = computed(() => this.board.value()?.total ?? 0);
  protected readonly index = signal(0);
  protected readonly current = computed<ApplicationRow | null>(
    () => this.rows()[this.index()] ?? null,
  );
  protected readonly checked = signal<ReadonlySet<string>>(new Set());
  protected readonly detailVersion = signal(0);

  private readonly rowElements = viewChildren<ElementRef<HTMLElement>>('row');

  constructor() {
    // After a decision the list reloads: stay at the same place, so the next application is selected.
    effect(() => {
      const rows = this.rows();
      this.index.update((i) => Math.min(Math.max(i, 0), rows.length - 1));
      const ids = new Set(rows.map((r) => r.id));
      this.checked.update(
        (set) => new Set([...set].filter((id) => ids.has(id))),
      );
    });
    effect(() => {
      const element = this.rowElements()[this.index()];
      element?.nativeElement.scrollIntoView({ block: 'nearest' });
    });
  }

  protected filter<T>(set: (value: T) => void, value: T): void {
    set(value);
    this.pageIndex.set(0);
    this.index.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.index.set(0);
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected select(i: number): void {
    this.index.set(i);
  }

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.checked());
    if (on) next.add(id);
    else next.delete(id);
    this.checked.set(next);
  }

  protected toggleAll(on: boolean): void {
    this.checked.set(new Set(on ? this.rows().map((r) => r.id) : []));
  }

  protected onKey(event: KeyboardEvent): void {
    if (this.dialog.openDialogs.length > 0) return;
    const action = reviewKeyAction(event);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move')
      this.index.set(moveIndex(this.index(), action.by, this.rows().length));
    else if (action.kind === 'review') this.startReview();
    else this.decideCurrent(action.decision);
  }

  protected startReview(): void {
    const row = this.current();
    if (!row || row.state !== 'submitted') return;
    this.send(
      this.api.decide(row.id, { decision: 'review' }),
      `${row.customerName} is in review.`,
    );
  }

  protected decideCurrent(decision: DecisionDialogData['decision']): void {
    const row = this.current();
    if (!row) return;
    const p = this.programme();
    this.confirm({
      decision,
      subject: row.customerName,
      message: fillTemplate(p.decisionTemplates[TEMPLATE_KEY[decision]], {
        name: row.customerName.split(' ')[0],
        programme: p.name,
      }),
    }).subscribe((request) => {
      if (!request) return;
      this.send(this.api.decide(row.id, request), (result) =>
        result.waitlistedForCapacity
          ? `${p.name} is full: ${row.customerName} went to the waitlist.`
          : `${row.customerName}: ${STATE_LABELS[result.state].toLowerCase()}.`,
      );
    });
  }

  protected decideChecked(decision: DecisionDialogData['decision']): void {
    const ids = [...this.checked()];
    if (ids.length === 0) return;
    this.confirm({
      decision,
      subject: `${ids.length} applications`,
      message: '',
    }).subscribe((request) => {
      if (!request) return;
      this.send(
        this.api.bulk(this.programme().id, { ...request, ids }),
        (result) => {
          const failed = result.results.filter((r) => 'error' in r);
          return failed.length === 0
            ? `${ids.length} applications decided.`
            : `${ids.length - failed.length} decided; ${failed.length} could not be: ${
                'error' in failed[0] ? failed[0].error : ''
              }`;
        },
      );
    });
  }

  protected inviteNext(): void {
    this.send(
      this.api.inviteNext(this.programme().id, this.inviteCount()),
      (results) => `${results.length} invited from the waitlist.`,
    );
  }

  protected changed(): void {
    this.board.reload();
  }

  private confirm(
    data: DecisionDialogData,
  ): Observable<DecisionRequest | undefined> {
    return this.dialog
      .open<DecisionDialogComponent, DecisionDialogData, DecisionRequest>(
        DecisionDialogComponent,
        {
          data,
          width: '560px',
          maxWidth: '96vw',
        },
      )
      .afterClosed();
  }

  private send<T>(
    request: Observable<T>,
    message: string | ((result: T) => string),
  ): void {
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((result) => {
      this.notifier.info(
        typeof message === 'string' ? message : message(result),
      );
      this.board.reload();
      this.detailVersion.update((v) => v + 1);
    });
  }
}
