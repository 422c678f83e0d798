import { CaseState } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { FollowupCase } from './followup-case.entity';

/** Append-only state history of a case. */
@Entity('followup_case_transitions')
@Index('followup_case_transitions_case_idx', ['caseId', 'at'])
export class FollowupCaseTransition {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => FollowupCase, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'case_id',
    foreignKeyConstraintName: 'followup_case_transitions_case_id_fkey',
  })
  followupCase?: FollowupCase;

  /** Null for the entry that opened the case. */
  @Column({ type: 'text', nullable: true })
  fromState: CaseState | null;

  @Column({ type: 'text' })
  toState: CaseState;

  /** Null when the system acted. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
