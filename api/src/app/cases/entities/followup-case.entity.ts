import { CaseReason, CaseState } from '@advocacy/shared';
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
import { SurveyResponse } from '../../surveys/entities/survey-response.entity';
import { User } from '../../users/entities/user.entity';

/** A human follow-up of a detractor answer or a sharp drop, tracked until resolved. */
@Entity('followup_cases')
@Index('followup_cases_state_due_idx', ['state', 'dueAt'])
@Index('followup_cases_owner_idx', ['ownerId', 'state'])
/** One active case per customer: a second bad answer while one is open adds nothing. */
@Index('followup_cases_active_customer_key', ['customerId'], {
  unique: true,
  where: `state IN ('open', 'contacted')`,
})
export class FollowupCase {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'followup_cases_customer_id_fkey',
  })
  customer?: Customer;

  @Index('followup_cases_response_key', { unique: true })
  @Column({ type: 'uuid' })
  responseId: string;

  @ManyToOne(() => SurveyResponse, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'response_id',
    foreignKeyConstraintName: 'followup_cases_response_id_fkey',
  })
  response?: SurveyResponse;

  @Column({ type: 'text' })
  reason: CaseReason;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'smallint', nullable: true })
  previousScore: number | null;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'owner_id',
    foreignKeyConstraintName: 'followup_cases_owner_id_fkey',
  })
  owner?: User;

  @Column({ type: 'text', default: 'open' })
  state: CaseState;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  contactedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
