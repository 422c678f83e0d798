import {
  AmbassadorProgrammeStatus,
  AutoApproveRules,
  DecisionTemplates,
  EligibilityRules,
  WaitlistOrder,
} from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An ambassador programme; its row is the lock that serialises capacity decisions. */
@Entity('ambassador_programmes')
export class AmbassadorProgramme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Index('ambassador_programmes_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: 'draft' })
  status: AmbassadorProgrammeStatus;

  /** Null = no limit on ambassadors. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'text', default: 'first_come' })
  waitlistOrder: WaitlistOrder;

  @Column({ type: 'jsonb' })
  eligibility: EligibilityRules;

  @Column({ type: 'jsonb' })
  autoApprove: AutoApproveRules;

  /** Null = a rejected applicant may never reapply. */
  @Column({ type: 'integer', nullable: true })
  reapplyCooldownDays: number | null;

  @Column({ type: 'jsonb' })
  decisionTemplates: DecisionTemplates;

  @Column({ type: 'uuid', nullable: true })
  currentFormVersionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
