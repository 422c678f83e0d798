import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UgcShowcase } from './ugc-showcase.entity';
import { UgcSubmission } from './ugc-submission.entity';

/** A submission's place in a showcase, ordered by hand. */
@Entity('ugc_showcase_items')
export class UgcShowcaseItem {
  @PrimaryColumn({ type: 'uuid' })
  showcaseId: string;

  @PrimaryColumn({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => UgcShowcase, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'showcase_id',
    foreignKeyConstraintName: 'ugc_showcase_items_showcase_id_fkey',
  })
  showcase?: UgcShowcase;

  @ManyToOne(() => UgcSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'submission_id',
    foreignKeyConstraintName: 'ugc_showcase_items_submission_id_fkey',
  })
  submission?: UgcSubmission;

  @Column({ type: 'integer' })
  position: number;
}
