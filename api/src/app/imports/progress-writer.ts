import { DataSource } from 'typeorm';
import { ImportJob } from './entities/import-job.entity';

/** Writes an import's progress without waiting for it, at most one write in flight so nothing queues up. */
export class ProgressWriter {
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly importId: string,
  ) {}

  report(processedRows: number, processedBytes: number): void {
    // A busy database skips a report rather than piling them up; the next one carries newer numbers.
    if (this.inFlight) return;
    this.inFlight = this.db
      .getRepository(ImportJob)
      .update(
        { id: this.importId },
        { processedRows, processedBytes: String(processedBytes) },
      )
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.inFlight = null;
      });
  }

  async settled(): Promise<void> {
    await this.inFlight;
  }
}
