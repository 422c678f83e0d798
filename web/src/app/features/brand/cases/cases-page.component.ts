import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CASE_STATE_LABELS,
  CASE_STATES,
  CaseState,
  CaseSummary,
  DEFAULT_PAGE_SIZE,
} from '@advocacy/shared';
import { catchError, of } from 'rxjs';
import { CasesApi } from '../../../core/api/cases-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ListStatesComponent } from '../../../shared/ui/list-states.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { categoryOf, dueLabel, reasonLabel } from './case-display';

@Component({
  selector: 'app-cases-page',
  imports: [
    ListStatesComponent,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    MatSlideToggle,
    MatTableModule,
    PageHeaderComponent,
    RouterLink,
  ],
  templateUrl: './cases-page.component.html',
  styleUrl: './cases-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasesPageComponent {
  private readonly api = inject(CasesApi);
  private readonly router = inject(Router);

  protected readonly states = CASE_STATES;
  protected readonly stateLabels = CASE_STATE_LABELS;
  protected readonly columns = ['customer', 'score', 'owner', 'due', 'state'];
  protected readonly pageSizeOptions = [10, 25, 50, 100];
  protected readonly state = signal<CaseState | ''>('');
  protected readonly owner = signal('');
  /** The dashboard links here with `?overdue=true`. */
  protected readonly overdueOnly = signal(
    inject(ActivatedRoute).snapshot.queryParamMap.get('overdue') === 'true',
  );
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly owners = toSignal(
    this.api.owners().pipe(catchError(() => of([]))),
    { initialValue: [] },
  );

  protected readonly cases = loadOnChange(
    computed(() => ({
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      state: this.state() || undefined,
      owner: this.owner() || undefined,
      overdue: this.overdueOnly() || undefined,
    })),
    (query) => this.api.list(query),
  );
  protected readonly rows = computed(() =>
    (this.cases.value()?.items ?? []).map((item) => ({
      ...item,
      due: dueLabel(item.dueAt, item.state),
      reasonText: reasonLabel(item.reason, item.score, item.previousScore),
      category: categoryOf(item.score),
      stateLabel: CASE_STATE_LABELS[item.state],
    })),
  );
  protected readonly total = computed(() => this.cases.value()?.total ?? 0);
  protected readonly filtered = computed(
    () => this.state() !== '' || this.owner() !== '' || this.overdueOnly(),
  );

  protected setState(state: CaseState | ''): void {
    this.state.set(state);
    this.pageIndex.set(0);
  }

  protected setOwner(owner: string): void {
    this.owner.set(owner);
    this.pageIndex.set(0);
  }

  protected setOverdue(only: boolean): void {
    this.overdueOnly.set(only);
    this.pageIndex.set(0);
  }

  protected clearFilters(): void {
    this.state.set('');
    this.owner.set('');
    this.overdueOnly.set(false);
    this.pageIndex.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected open(row: CaseSummary): void {
    void this.router.navigate(['/brand/cases', row.id]);
  }
}
