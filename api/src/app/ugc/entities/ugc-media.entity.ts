import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UgcSubmission } from './ugc-submission.entity';

/** One re-encoded image of a submission, with its thumbnail; the original upload is never kept. */
@Entity('ugc_media')
@Index('ugc_media_submission_idx', ['submissionId', 'position'])
export class UgcMedia {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => UgcSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'submission_id',
    foreignKeyConstraintName: 'ugc_media_submission_id_fkey',
  })
  submission?: UgcSubmission;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'text' })
  thumbKey: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'integer' })
  bytes: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
