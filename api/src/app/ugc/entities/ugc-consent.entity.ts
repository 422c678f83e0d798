import type { DisplayNameChoice } from '@advocacy/shared';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UgcSubmission } from './ugc-submission.entity';

/** What the submitter allowed, stamped with server time; revoking sets `revokedAt` and hides it everywhere. */
@Entity('ugc_consents')
export class UgcConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ugc_consents_submission_key', { unique: true })
  @Column({ type: 'uuid' })
  submissionId: string;

  @ManyToOne(() => UgcSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'submission_id',
    foreignKeyConstraintName: 'ugc_consents_submission_id_fkey',
  })
  submission?: UgcSubmission;

  @Column({ type: 'boolean', default: false })
  scopeWebsite: boolean;

  @Column({ type: 'boolean', default: false })
  scopeSocial: boolean;

  @Column({ type: 'boolean', default: false })
  scopeAds: boolean;

  @Column({ type: 'text' })
  displayName: DisplayNameChoice;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  givenAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
