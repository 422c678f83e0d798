import {
  ApplicationAnswers,
  ApplicationState,
  EligibilityFacts,
  RejectionReason,
  SegmentSnapshot,
} from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Customer } from '../../customers/entities/customer.entity';
import { AmbassadorFormVersion } from './ambassador-form-version.entity';
import { AmbassadorProgramme } from './ambassador-programme.entity';

export const OPEN_APPLICATION_KEY = 'ambassador_applications_open_key';

/** One person's application; at most one open (draft, submitted, in review or waitlisted) per programme. */
@Entity('ambassador_applications')
@Index(OPEN_APPLICATION_KEY, ['programmeId', 'customerId'], {
  unique: true,
  where: `state IN ('draft', 'submitted', 'in_review', 'waitlisted')`,
})
@Index('ambassador_applications_board_idx', [
  'programmeId',
  'state',
  'submittedAt',
])
@Index('ambassador_applications_customer_idx', ['customerId', 'createdAt'])
export class AmbassadorApplication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => AmbassadorProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'ambassador_applications_programme_id_fkey',
  })
  programme?: AmbassadorProgramme;

  @Column({ type: 'uuid' })
  formVersionId: string;

  @ManyToOne(() => AmbassadorFormVersion)
  @JoinColumn({
    name: 'form_version_id',
    foreignKeyConstraintName: 'ambassador_applications_form_version_id_fkey',
  })
  formVersion?: AmbassadorFormVersion;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'ambassador_applications_customer_id_fkey',
  })
  customer?: Customer;

  @Column({ type: 'text' })
  state: ApplicationState;

  @Column({ type: 'text', default: 'portal' })
  channel: 'portal' | 'public';

  /** Proved by signing in (portal) or by the emailed link (public); auto-approval waits for it. */
  @Column({ type: 'timestamptz', nullable: true })
  emailConfirmedAt: Date | null;

  /** SHA-256 of the latest emailed confirmation token; the token itself is never stored. */
  @Index('ambassador_applications_email_token_key', {
    unique: true,
    where: 'email_token_hash IS NOT NULL',
  })
  @Column({ type: 'text', nullable: true })
  emailTokenHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailTokenSentAt: Date | null;

  @Column({ type: 'jsonb', default: {} })
  answers: ApplicationAnswers;

  @Column({ type: 'jsonb' })
  segmentSnapshot: SegmentSnapshot;

  @Column({ type: 'text' })
  segmentKey: string;

  @Column({ type: 'integer', default: 0 })
  score: number;

  @Column({ type: 'jsonb' })
  facts: EligibilityFacts;

  @Column({ type: 'text', nullable: true })
  reasonCode: RejectionReason | null;

  @Column({ type: 'text', nullable: true })
  decisionMessage: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  /** Ordering key of the waitlist (first come = when it was waitlisted). */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  /** Set when a manager takes an approved ambassador's status away. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
