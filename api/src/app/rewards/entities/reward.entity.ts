import {
  RewardSource,
  RewardState,
  RewardType,
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
import { ReferralProgramme } from '../../referrals/entities/referral-programme.entity';
import { bigintNumber } from './bigint-number';
import { CouponPool } from './coupon-pool.entity';

/** One ledger entry. State changes only through RewardLedgerService.transition. */
@Entity('rewards')
@Index('rewards_source_ref_key', ['source', 'sourceRef', 'customerId'], {
  unique: true,
})
@Index('rewards_customer_idx', ['customerId', 'createdAt'])
@Index('rewards_state_idx', ['state', 'availableAt'])
@Index('rewards_programme_idx', ['programmeId', 'createdAt'])
export class Reward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'rewards_customer_id_fkey',
  })
  customer?: Customer;

  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => ReferralProgramme)
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'rewards_programme_id_fkey',
  })
  programme?: ReferralProgramme;

  @Column({ type: 'text' })
  type: RewardType;

  /** Minor units for money, whole points for points; negative for a clawback entry. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column({ type: 'text', nullable: true })
  currency: string | null;

  @Column({ type: 'text' })
  source: RewardSource;

  @Column({ type: 'text' })
  sourceRef: string;

  @Column({ type: 'text' })
  state: RewardState;

  /** The latest reason given to the advocate (why it was granted, reversed or rejected). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** End of the hold; null while waiting for review. */
  @Column({ type: 'timestamptz', nullable: true })
  availableAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'jsonb' })
  segmentSnapshot: SegmentSnapshot;

  @Column({ type: 'text' })
  segmentKey: string;

  @Column({ type: 'uuid', nullable: true })
  couponPoolId: string | null;

  @ManyToOne(() => CouponPool, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'coupon_pool_id',
    foreignKeyConstraintName: 'rewards_coupon_pool_id_fkey',
  })
  couponPool?: CouponPool;

  @Column({ type: 'text', nullable: true })
  couponCode: string | null;

  @Column({ type: 'text', nullable: true })
  payoutReference: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
