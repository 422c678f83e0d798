import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { DEFAULT_PAGE_SIZE, SurveySummary } from '@advocacy/shared';
import { filter, map, switchMap } from 'rxjs';
import { ApiError } from '../../../core/api/api-error';
import { SurveysApi } from '../../../core/api/surveys-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import {
  ConfirmDialogComponent,
  ConfirmDialogData,
} from './confirm-dialog.component';
import { SurveyDialogComponent } from './survey-dialog.component';

const WIDE_COLUMNS = [
  'name',
  'kind',
  'wave',
  'throttle',
  'active',
  'responses',
  'actions',
];
const NARROW_COLUMNS = ['name', 'actions'];

@Component({
  selector: 'app-surveys-page',
  imports: [
    EmptyStateComponent,
    MatButton,
    MatIcon,
    MatIconButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    PageHeaderComponent,
  ],
  templateUrl: './surveys-page.component.html',
  styleUrl: './surveys-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveysPageComponent {
  private readonly surveysApi = inject(SurveysApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly pageSizeOptions = [10, 25, 50, 100];
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly surveys = loadOnChange(
    computed(() => ({ page: this.pageIndex() + 1, pageSize: this.pageSize() })),
    (query) => this.surveysApi.list(query),
  );
  protected readonly rows = computed(() => this.surveys.value()?.items ?? []);
  protected readonly total = computed(() => this.surveys.value()?.total ?? 0);
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 899.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly columns = computed(() =>
    this.narrow() ? NARROW_COLUMNS : WIDE_COLUMNS,
  );
  /** Why the last delete was refused, shown above the table until the next action. */
  protected readonly deleteRefusal = signal<string | null>(null);

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected openEditor(survey: SurveySummary | null): void {
    this.deleteRefusal.set(null);
    this.dialog
      .open<SurveyDialogComponent, SurveySummary | null, SurveySummary>(
        SurveyDialogComponent,
        {
          data: survey,
          width: '860px',
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.info(
          survey ? `${saved.name} saved.` : `${saved.name} created.`,
        );
        this.surveys.reload();
      });
  }

  protected startWave(survey: SurveySummary): void {
    this.deleteRefusal.set(null);
    this.confirm({
      title: `Start wave ${survey.wave + 1} of ${survey.name}?`,
      message:
        'Everyone may answer this survey once more, unless they answered a survey within the last ' +
        `${survey.throttleDays} days. Use it for a new round of sending.`,
      confirm: 'Start new wave',
    })
      .pipe(switchMap(() => this.surveysApi.startWave(survey.id)))
      .subscribe((saved) => {
        this.notifier.info(`Wave ${saved.wave} of ${saved.name} has started.`);
        this.surveys.reload();
      });
  }

  protected remove(survey: SurveySummary): void {
    this.deleteRefusal.set(null);
    this.confirm({
      title: `Delete ${survey.name}?`,
      message: 'The survey and its settings are removed for good.',
      confirm: 'Delete',
      danger: true,
    })
      .pipe(switchMap(() => this.surveysApi.remove(survey.id)))
      .subscribe({
        next: () => {
          this.notifier.info(`${survey.name} deleted.`);
          this.surveys.reload();
        },
        error: (error: unknown) => {
          if (error instanceof ApiError && error.status === 409) {
            this.deleteRefusal.set(
              `${survey.name} cannot be deleted because it ${error.fieldErrors['id'] ?? 'has responses'}. Switch it off instead (Edit → Active): nobody is asked any more and its answers stay in your reports.`,
            );
          } else {
            this.notifier.error(
              error instanceof ApiError
                ? error.message
                : 'The survey could not be deleted.',
            );
          }
        },
      });
  }

  private confirm(data: ConfirmDialogData) {
    return this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(
        ConfirmDialogComponent,
        { data, maxWidth: '95vw', width: '460px' },
      )
      .afterClosed()
      .pipe(
        filter((ok) => ok === true),
        takeUntilDestroyed(this.destroyRef),
      );
  }
}
