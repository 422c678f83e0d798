import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { DEFAULT_PAGE_SIZE } from '@advocacy/shared';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';

/** Current ambassadors, for the brand team: who, since when, training and perks. */
@Component({
  selector: 'app-directory-panel',
  imports: [
    DatePipe,
    EmptyStateComponent,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
  ],
  template: `
    <section class="table-card" aria-label="Ambassadors">
      <div class="progress">
        @if (directory.loading()) {
          <mat-progress-bar mode="indeterminate" />
        }
      </div>
      @if (rows().length > 0) {
        <table mat-table [dataSource]="rows()" data-testid="directory-table">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>Ambassador</th>
            <td mat-cell *matCellDef="let r">
              <div class="name">{{ r.name }}</div>
              <div class="muted">{{ r.email }}</div>
            </td>
          </ng-container>
          <ng-container matColumnDef="segment">
            <th mat-header-cell *matHeaderCellDef>Segment now</th>
            <td mat-cell *matCellDef="let r">{{ r.segmentName ?? '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="since">
            <th mat-header-cell *matHeaderCellDef>Since</th>
            <td mat-cell *matCellDef="let r">
              {{ r.ambassadorSince | date: 'd MMM y' }}
            </td>
          </ng-container>
          <ng-container matColumnDef="training">
            <th mat-header-cell *matHeaderCellDef>Training</th>
            <td mat-cell *matCellDef="let r">
              {{ r.trainingDone }} / {{ r.trainingTotal }}
            </td>
          </ng-container>
          <ng-container matColumnDef="perks">
            <th mat-header-cell *matHeaderCellDef>Perks taken</th>
            <td mat-cell *matCellDef="let r">{{ r.perksClaimed }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
        <mat-paginator
          [length]="directory.value()?.total ?? 0"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize()"
          [pageSizeOptions]="[10, 25, 50, 100]"
          (page)="changePage($event)"
          aria-label="Ambassador pages"
        />
      } @else if (!directory.loading()) {
        <app-empty-state
          icon="verified"
          heading="No ambassadors yet"
          message="Approved applicants appear here with their training progress."
        />
      }
    </section>
  `,
  styles: `
    @use '../admin/admin-table';
    .name {
      font: var(--mat-sys-title-small);
    }
    .muted {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectoryPanelComponent {
  private readonly api = inject(AmbassadorsApi);

  readonly programmeId = input.required<string>();

  protected readonly columns = [
    'name',
    'segment',
    'since',
    'training',
    'perks',
  ];
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly directory = loadOnChange(
    computed(() => ({
      id: this.programmeId(),
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    })),
    ({ id, page, pageSize }) => this.api.directory(id, { page, pageSize }),
  );
  protected readonly rows = computed(() => this.directory.value()?.items ?? []);

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }
}
