import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ImportJobSummary } from '@advocacy/shared';
import {
  Subscription,
  catchError,
  of,
  switchMap,
  takeWhile,
  timer,
} from 'rxjs';
import { ImportsApi } from '../../../core/api/imports-api';
import { IMPORT_STATUS_LABELS, isActive } from './import-status';

export const POLL_INTERVAL_MS = 1000;

/** Share of the file the worker has read, 0–100; saving the rows afterwards has no measurable progress. */
export function percentRead(job: ImportJobSummary): number {
  if (job.sizeBytes <= 0) return 0;
  return Math.min(100, Math.floor((job.processedBytes / job.sizeBytes) * 100));
}

/** Live progress of one import: polls every second while it is queued or running, then shows the results. */
@Component({
  selector: 'app-import-progress',
  imports: [DecimalPipe, MatButton, MatIcon, MatProgressBar],
  templateUrl: './import-progress.component.html',
  styleUrl: './import-progress.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportProgressComponent {
  private readonly importsApi = inject(ImportsApi);

  /** The job as the upload answered; newer states replace it as they arrive. */
  readonly job = input.required<ImportJobSummary>();
  /** Emits the final state once the job has completed or failed. */
  readonly finished = output<ImportJobSummary>();
  readonly downloadErrors = output<ImportJobSummary>();

  protected readonly current = signal<ImportJobSummary | null>(null);
  protected readonly labels = IMPORT_STATUS_LABELS;
  protected readonly isActive = isActive;
  protected readonly percentRead = percentRead;
  private polling: Subscription | null = null;

  constructor() {
    effect(() => this.follow(this.job()));
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
  }

  private follow(job: ImportJobSummary): void {
    this.polling?.unsubscribe();
    this.current.set(job);
    if (!isActive(job)) return;
    this.polling = timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS)
      .pipe(
        // A failed poll keeps the last state; the next tick tries again.
        switchMap(() =>
          this.importsApi.get(job.id).pipe(catchError(() => of(null))),
        ),
        takeWhile((state) => state === null || isActive(state), true),
      )
      .subscribe((state) => {
        if (!state) return;
        this.current.set(state);
        if (!isActive(state)) this.finished.emit(state);
      });
  }
}
