import { TierDowngradeRule } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  ReferralProgramme,
  RewardSpec,
} from '../../referrals/entities/referral-programme.entity';

@Entity('reward_tiers')
@Index('reward_tiers_rank_key', ['programmeId', 'rank'], { unique: true })
export class RewardTier {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ReferralProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'reward_tiers_programme_id_fkey',
  })
  programme?: ReferralProgramme;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer' })
  rank: number;

  @Column({ type: 'integer' })
  minQualifiedReferrals: number;

  @Column({ type: 'double precision', nullable: true })
  maxRefundRate: number | null;

  @Column({ type: 'double precision', nullable: true })
  minRepeatPurchaseShare: number | null;

  @Column({ type: 'double precision', nullable: true })
  minFriendAverageNps: number | null;

  /** Rolling window in days for the referral stats; null counts the whole lifetime. */
  @Column({ type: 'integer', nullable: true })
  windowDays: number | null;

  /** Granted once, the first time an advocate reaches this tier. */
  @Column({ type: 'jsonb', nullable: true })
  bonus: RewardSpec | null;

  @Column({ type: 'text', default: 'keep' })
  downgrade: TierDowngradeRule;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
