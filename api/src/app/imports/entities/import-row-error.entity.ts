import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One refused row, for the downloadable error report. */
@Entity('import_row_errors')
@Index('import_row_errors_job_idx', ['importId', 'rowNumber'])
export class ImportRowError {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  importId: string;

  @Column({ type: 'integer' })
  rowNumber: number;

  @Column({ type: 'text' })
  columnName: string;

  @Column({ type: 'text' })
  reason: string;
}
