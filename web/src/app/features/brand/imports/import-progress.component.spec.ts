import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ImportJobSummary } from '@advocacy/shared';
import { of } from 'rxjs';
import { ImportsApi } from '../../../core/api/imports-api';
import { provideAppIcons } from '../../../core/icons/app-icons';
import {
  ImportProgressComponent,
  POLL_INTERVAL_MS,
} from './import-progress.component';

const QUEUED: ImportJobSummary = {
  id: 'job-1',
  kind: 'responses',
  filename: 'responses.csv',
  sizeBytes: 120,
  status: 'queued',
  processedRows: 0,
  processedBytes: 0,
  insertedRows: 0,
  duplicateRows: 0,
  errorRows: 0,
  failureReason: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
};

@Component({
  imports: [ImportProgressComponent],
  template: `<app-import-progress
    [job]="job()"
    (finished)="finished.push($event)"
    (downloadErrors)="downloads.push($event)"
  />`,
})
class HostComponent {
  readonly job = signal(QUEUED);
  readonly finished: ImportJobSummary[] = [];
  readonly downloads: ImportJobSummary[] = [];
}

async function render(states: ImportJobSummary[]) {
  let calls = 0;
  TestBed.configureTestingModule({
    providers: [
      provideAppIcons(),
      {
        provide: ImportsApi,
        useValue: {
          get: () => of(states[Math.min(calls++, states.length - 1)]),
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(HostComponent);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const el = (id: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const tick = async () => {
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await fixture.whenStable();
  };
  return { fixture, el, tick, calls: () => calls };
}

describe('ImportProgressComponent', () => {
  // rxjs timers run on setInterval; Angular's own scheduling keeps its real timers.
  beforeEach(() =>
    jest.useFakeTimers({
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'queueMicrotask',
        'nextTick',
        'setImmediate',
      ],
    }),
  );
  afterEach(() => jest.useRealTimers());

  it('polls every second while the import runs and stops once it has completed', async () => {
    const running = {
      ...QUEUED,
      status: 'running' as const,
      processedRows: 1200,
      processedBytes: 30,
    };
    const saving = { ...running, processedRows: 2000, processedBytes: 120 };
    const done = {
      ...running,
      status: 'completed' as const,
      processedRows: 2000,
      insertedRows: 1990,
      duplicateRows: 10,
    };
    const { fixture, el, tick, calls } = await render([running, saving, done]);
    expect(el('import-status')?.textContent).toContain('Waiting');

    await tick();
    expect(el('import-processed')?.textContent).toContain('1,200 rows');
    expect(el('import-processed')?.textContent).toContain('25% of the file');
    expect(el('import-bar')?.getAttribute('aria-valuenow')).toBe('25');
    await tick();
    expect(el('import-processed')?.textContent).toContain(
      'All 2,000 rows read; saving',
    );
    await tick();
    expect(el('import-status')?.textContent).toContain('Completed');
    expect(el('import-inserted')?.textContent).toContain('1,990');
    expect(el('import-error-report')).toBeNull();
    expect(fixture.componentInstance.finished).toEqual([done]);

    await tick();
    await tick();
    expect(calls()).toBe(3);
  });

  it('offers the error report when rows were refused', async () => {
    const done = {
      ...QUEUED,
      status: 'completed' as const,
      processedRows: 3,
      insertedRows: 2,
      errorRows: 1,
    };
    const { fixture, el, tick } = await render([done]);
    await tick();
    expect(el('import-errors')?.textContent).toContain('1');
    el('import-error-report')?.click();
    expect(fixture.componentInstance.downloads).toEqual([done]);
  });

  it('does not poll a job that has already finished', async () => {
    const { fixture, tick, calls, el } = await render([QUEUED]);
    fixture.componentInstance.job.set({
      ...QUEUED,
      status: 'failed',
      failureReason: 'The file could not be read',
    });
    await fixture.whenStable();
    await tick();
    expect(calls()).toBe(0);
    expect(el('import-failure')?.textContent).toContain('could not be read');
  });
});
