import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import {
  DEFAULT_PAGE_SIZE,
  ProgrammeSummary,
  describeReward,
} from '@advocacy/shared';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { ProgrammeDialogComponent } from './programme-dialog.component';

@Component({
  selector: 'app-programmes-page',
  imports: [
    EmptyStateComponent,
    MatButton,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    PageHeaderComponent,
  ],
  templateUrl: './programmes-page.component.html',
  styleUrl: './programmes-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgrammesPageComponent {
  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly columns = [
    'name',
    'status',
    'rewards',
    'rules',
    'actions',
  ];
  protected readonly pageSizeOptions = [10, 25, 50, 100];
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly describe = describeReward;

  protected readonly programmes = loadOnChange(
    computed(() => ({ page: this.pageIndex() + 1, pageSize: this.pageSize() })),
    (query) => this.api.programmes(query),
  );
  protected readonly rows = computed(
    () => this.programmes.value()?.items ?? [],
  );
  protected readonly total = computed(
    () => this.programmes.value()?.total ?? 0,
  );

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected open(programme: ProgrammeSummary | null): void {
    this.dialog
      .open<
        ProgrammeDialogComponent,
        ProgrammeSummary | null,
        ProgrammeSummary
      >(ProgrammeDialogComponent, {
        data: programme,
        width: '1040px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.info(`${saved.name} is saved.`);
        this.programmes.reload();
      });
  }

  protected move(
    programme: ProgrammeSummary,
    action: 'activate' | 'pause',
  ): void {
    this.api
      .move(programme.id, action)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        this.notifier.info(
          action === 'activate'
            ? `${programme.name} is open to advocates.`
            : `${programme.name} is paused; its links stop working.`,
        );
        this.programmes.reload();
      });
  }
}
