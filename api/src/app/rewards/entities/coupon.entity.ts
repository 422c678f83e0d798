import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CouponPool } from './coupon-pool.entity';
import { Reward } from './reward.entity';

@Entity('coupons')
@Index('coupons_pool_free_idx', ['poolId'], {
  where: 'claimed_by_reward_id IS NULL',
})
export class Coupon {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  poolId: string;

  @ManyToOne(() => CouponPool, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'pool_id',
    foreignKeyConstraintName: 'coupons_pool_id_fkey',
  })
  pool?: CouponPool;

  @Index('coupons_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  /** Unique, so a code is tied to exactly one reward and a reward to at most one code. */
  @Index('coupons_claimed_by_reward_key', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  claimedByRewardId: string | null;

  @ManyToOne(() => Reward)
  @JoinColumn({
    name: 'claimed_by_reward_id',
    foreignKeyConstraintName: 'coupons_claimed_by_reward_id_fkey',
  })
  claimedByReward?: Reward;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
