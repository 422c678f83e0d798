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

/** What one advocate may earn from a programme per period, by count and/or money. */
@Entity('reward_caps')
@Index('reward_caps_period_key', ['programmeId', 'period'], { unique: true })
export class RewardCap {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ReferralProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'reward_caps_programme_id_fkey',
  })
  programme?: ReferralProgramme;

  @Column({ type: 'text' })
  period: BudgetPeriod;

  @Column({ type: 'integer', nullable: true })
  maxCount: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  maxAmountMinor: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
