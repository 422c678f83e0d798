import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import {
  MatFormField,
  MatLabel,
  MatPrefix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { CustomerDetail, DEFAULT_PAGE_SIZE } from '@advocacy/shared';
import { debounceTime, distinctUntilChanged, map, tap } from 'rxjs';
import { CustomersApi } from '../../../core/api/customers-api';
import { SegmentsApi } from '../../../core/api/segments-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { ListStatesComponent } from '../../../shared/ui/list-states.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { CustomerDialogComponent } from './customer-dialog.component';
import { sortOf } from './customer-sort';
import { SegmentChipComponent } from './segment-chip.component';
import { segmentName, segmentOptions } from './segment-names';

const WIDE_COLUMNS = [
  'name',
  'segment',
  'lastScore',
  'purchaseValue',
  'createdAt',
];
const NARROW_COLUMNS = ['name', 'lastScore'];

@Component({
  selector: 'app-customers-page',
  imports: [
    DatePipe,
    DecimalPipe,
    ListStatesComponent,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPrefix,
    MatSelect,
    MatSort,
    MatSortHeader,
    MatTableModule,
    PageHeaderComponent,
    ReactiveFormsModule,
    RouterLink,
    SegmentChipComponent,
  ],
  templateUrl: './customers-page.component.html',
  styleUrl: './customers-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomersPageComponent {
  private readonly customersApi = inject(CustomersApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);

  protected readonly pageSizeOptions = [10, 25, 50, 100];
  protected readonly segments = segmentOptions(inject(SegmentsApi));
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly segmentFilter = new FormControl('', { nonNullable: true });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly sort = signal<Sort>({ active: 'name', direction: 'asc' });

  private readonly q = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(300),
      map((text) => text.trim()),
      distinctUntilChanged(),
      tap(() => this.pageIndex.set(0)),
    ),
    { initialValue: '' },
  );
  private readonly segment = toSignal(
    this.segmentFilter.valueChanges.pipe(tap(() => this.pageIndex.set(0))),
    {
      initialValue: '',
    },
  );

  protected readonly customers = loadOnChange(
    computed(() => ({
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      q: this.q(),
      segment: this.segment() || undefined,
      sort: sortOf(this.sort()),
    })),
    (query) => this.customersApi.list(query),
  );
  protected readonly rows = computed(() =>
    (this.customers.value()?.items ?? []).map((customer) => ({
      ...customer,
      segmentName: segmentName(this.segments(), customer.segmentKey),
    })),
  );
  protected readonly total = computed(() => this.customers.value()?.total ?? 0);
  protected readonly filtered = computed(
    () => this.q() !== '' || this.segment() !== '',
  );
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 899.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly columns = computed(() =>
    this.narrow() ? NARROW_COLUMNS : WIDE_COLUMNS,
  );

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected changeSort(sort: Sort): void {
    this.sort.set(sort);
    this.pageIndex.set(0);
  }

  protected clearFilters(): void {
    this.search.setValue('');
    this.segmentFilter.setValue('');
  }

  protected openCreate(): void {
    this.dialog
      .open<CustomerDialogComponent, CustomerDetail | null, CustomerDetail>(
        CustomerDialogComponent,
        {
          data: null,
          width: '640px',
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((created) => {
        if (created)
          void this.router.navigate(['/brand/customers', created.id]);
      });
  }
}
