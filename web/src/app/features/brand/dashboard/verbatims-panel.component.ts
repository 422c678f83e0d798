import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { SegmentSize, VerbatimQuery, npsCategory } from '@advocacy/shared';
import { AnalyticsApi } from '../../../core/api/analytics-api';
import { loadOnChange } from '../../../core/data/load-on-change';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { saveFile } from './save-file';

export interface ScoreRange {
  label: string;
  min?: number;
  max?: number;
}

export const SCORE_RANGES: readonly ScoreRange[] = [
  { label: 'All scores' },
  { label: 'Promoters (9–10)', min: 9, max: 10 },
  { label: 'Passives (7–8)', min: 7, max: 8 },
  { label: 'Detractors (0–6)', min: 0, max: 6 },
  { label: 'Very unhappy (0–3)', min: 0, max: 3 },
];

/** What customers wrote, newest first, filtered by current segment and score. */
@Component({
  selector: 'app-verbatims-panel',
  imports: [
    DatePipe,
    EmptyStateComponent,
    MatButton,
    MatFormField,
    MatIcon,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
  ],
  templateUrl: './verbatims-panel.component.html',
  styleUrl: './verbatims-panel.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerbatimsPanelComponent {
  private readonly analytics = inject(AnalyticsApi);

  readonly segments = input<SegmentSize[]>([]);

  protected readonly ranges = SCORE_RANGES;
  protected readonly segment = signal('');
  protected readonly range = signal<ScoreRange>(SCORE_RANGES[0]);
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(10);

  private readonly filters = computed<VerbatimQuery>(() => ({
    segment: this.segment() || undefined,
    minScore: this.range().min,
    maxScore: this.range().max,
  }));
  protected readonly page = loadOnChange(
    computed(() => ({
      ...this.filters(),
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    })),
    (query) => this.analytics.verbatims(query),
  );
  protected readonly items = computed(() =>
    (this.page.value()?.items ?? []).map((item) => ({
      ...item,
      category: item.kind === 'nps' ? npsCategory(item.score) : 'csat',
    })),
  );
  protected readonly total = computed(() => this.page.value()?.total ?? 0);

  protected setSegment(value: string): void {
    this.segment.set(value);
    this.pageIndex.set(0);
  }

  protected setRange(value: ScoreRange): void {
    this.range.set(value);
    this.pageIndex.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected exportCsv(): void {
    this.analytics
      .verbatimsCsv(this.filters())
      .subscribe((blob) => saveFile(blob, 'verbatims.csv'));
  }
}
