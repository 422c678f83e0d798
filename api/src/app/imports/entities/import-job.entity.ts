import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type ImportKind = 'customers' | 'responses';
export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

@Entity('import_jobs')
export class ImportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: ImportKind;

  @Column({ type: 'text' })
  filename: string;

  /** Where the uploaded file waits for the worker. */
  @Column({ type: 'text' })
  storagePath: string;

  @Column({ type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'text', default: 'queued' })
  status: ImportStatus;

  @Column({ type: 'integer', default: 0 })
  processedRows: number;

  /** Bytes of the file read so far; with sizeBytes it drives the progress bar. */
  @Column({ type: 'bigint', default: 0 })
  processedBytes: string;

  @Column({ type: 'integer', default: 0 })
  insertedRows: number;

  @Column({ type: 'integer', default: 0 })
  duplicateRows: number;

  @Column({ type: 'integer', default: 0 })
  errorRows: number;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
