import { DatePipe, DecimalPipe } from '@angular/common';
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
import {
  MatButtonToggle,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import {
  IMPORT_COLUMNS,
  ImportJobSummary,
  ImportKindName,
} from '@advocacy/shared';
import { ImportsApi } from '../../../core/api/imports-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { saveFile } from '../dashboard/save-file';
import { exampleHeader } from './import-example';
import { ImportProgressComponent } from './import-progress.component';
import { IMPORT_STATUS_LABELS, uploadMessage } from './import-status';

@Component({
  selector: 'app-imports-page',
  imports: [
    DatePipe,
    DecimalPipe,
    EmptyStateComponent,
    ImportProgressComponent,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    PageHeaderComponent,
  ],
  templateUrl: './imports-page.component.html',
  styleUrl: './imports-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsPageComponent {
  private readonly importsApi = inject(ImportsApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly kind = signal<ImportKindName>('responses');
  protected readonly columns = computed(() => IMPORT_COLUMNS[this.kind()]);
  protected readonly file = signal<File | null>(null);
  protected readonly uploading = signal(false);
  protected readonly uploadError = signal<string | null>(null);
  protected readonly job = signal<ImportJobSummary | null>(null);

  protected readonly pageSizeOptions = [10, 25, 50];
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);
  protected readonly history = loadOnChange(
    computed(() => ({ page: this.pageIndex() + 1, pageSize: this.pageSize() })),
    (query) => this.importsApi.list(query),
  );
  protected readonly rows = computed(() =>
    (this.history.value()?.items ?? []).map((job) => ({
      ...job,
      statusLabel: IMPORT_STATUS_LABELS[job.status],
    })),
  );
  protected readonly total = computed(() => this.history.value()?.total ?? 0);
  protected readonly historyColumns = [
    'file',
    'status',
    'results',
    'createdAt',
    'report',
  ];

  protected chooseKind(kind: ImportKindName): void {
    this.kind.set(kind);
    this.uploadError.set(null);
  }

  protected chooseFile(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.uploadError.set(null);
  }

  protected downloadExample(): void {
    saveFile(exampleHeader(this.kind()), `${this.kind()}-import.csv`);
  }

  protected upload(input: HTMLInputElement): void {
    const file = this.file();
    if (!file) {
      this.uploadError.set('Choose a CSV file first.');
      return;
    }
    this.uploading.set(true);
    this.uploadError.set(null);
    this.importsApi
      .upload(this.kind(), file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (job) => {
          this.uploading.set(false);
          this.job.set(job);
          this.file.set(null);
          input.value = '';
          this.history.reload();
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          this.uploadError.set(uploadMessage(error));
        },
      });
  }

  protected finished(): void {
    this.history.reload();
  }

  protected downloadErrors(job: ImportJobSummary): void {
    this.importsApi
      .errorsCsv(job.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((blob) => saveFile(blob, `import-${job.id}-errors.csv`));
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }
}
