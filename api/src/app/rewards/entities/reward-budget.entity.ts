import { BudgetPeriod } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ReferralProgramme } from '../../referrals/entities/referral-programme.entity';
import { bigintNumber } from './bigint-number';

/** A programme's spending limit per calendar period; its row is locked while a grant is checked. */
@Entity('reward_budgets')
@Index('reward_budgets_period_key', ['programmeId', 'period'], { unique: true })
export class RewardBudget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ReferralProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'reward_budgets_programme_id_fkey',
  })
  programme?: ReferralProgramme;

  @Column({ type: 'text' })
  period: BudgetPeriod;

  @Column({ type: 'bigint', transformer: bigintNumber })
  limitMinor: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
