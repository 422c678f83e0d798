import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe, JsonPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import {
  MatDatepickerToggle,
  MatDateRangeInput,
  MatDateRangePicker,
  MatEndDate,
  MatStartDate,
} from '@angular/material/datepicker';
import {
  MatFormField,
  MatLabel,
  MatSuffix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { DEFAULT_PAGE_SIZE } from '@advocacy/shared';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  tap,
} from 'rxjs';
import { AuditApi } from '../../../../core/api/audit-api';
import { loadOnChange } from '../../../../core/data/load-on-change';
import { ListStatesComponent } from '../../../../shared/ui/list-states.component';
import { PageHeaderComponent } from '../../../../shared/ui/page-header.component';
import {
  AuditFilters,
  NO_AUDIT_FILTERS,
  hasAuditFilters,
  toAuditQuery,
} from './audit-query';

const WIDE_COLUMNS = ['at', 'actor', 'action', 'entity', 'expand'];
const NARROW_COLUMNS = ['at', 'action', 'expand'];

@Component({
  selector: 'app-audit-page',
  imports: [
    DatePipe,
    JsonPipe,
    ListStatesComponent,
    MatButton,
    MatDateRangeInput,
    MatDateRangePicker,
    MatDatepickerToggle,
    MatEndDate,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatStartDate,
    MatSuffix,
    MatTableModule,
    PageHeaderComponent,
    ReactiveFormsModule,
  ],
  providers: [provideNativeDateAdapter()],
  templateUrl: './audit-page.component.html',
  styleUrl: './audit-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPageComponent {
  private readonly auditApi = inject(AuditApi);

  protected readonly pageSizeOptions = [10, 25, 50, 100];
  protected readonly filterForm = inject(NonNullableFormBuilder).group({
    action: [''],
    actor: [''],
    entityType: [''],
    from: [null as Date | null],
    to: [null as Date | null],
  });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly expandedId = signal<string | null>(null);

  protected readonly actions = toSignal(
    this.auditApi.actions().pipe(catchError(() => of([]))),
    {
      initialValue: [] as string[],
    },
  );
  private readonly filters = toSignal(
    this.filterForm.valueChanges.pipe(
      debounceTime(300),
      map((): AuditFilters => this.filterForm.getRawValue()),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      tap(() => this.pageIndex.set(0)),
    ),
    { initialValue: NO_AUDIT_FILTERS },
  );

  protected readonly entries = loadOnChange(
    computed(() =>
      toAuditQuery(this.filters(), this.pageIndex(), this.pageSize()),
    ),
    (query) => this.auditApi.list(query),
  );
  protected readonly items = computed(() => this.entries.value()?.items ?? []);
  protected readonly total = computed(() => this.entries.value()?.total ?? 0);
  protected readonly filtered = computed(() => hasAuditFilters(this.filters()));
  protected readonly columns = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 899.98px)')
      .pipe(map((state) => (state.matches ? NARROW_COLUMNS : WIDE_COLUMNS))),
    { initialValue: WIDE_COLUMNS },
  );

  protected toggle(id: string): void {
    this.expandedId.update((current) => (current === id ? null : id));
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected clearFilters(): void {
    this.filterForm.reset();
  }
}
