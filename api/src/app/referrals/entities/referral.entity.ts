import {
  AttributionSource,
  ReferralReason,
  ReferralStatus,
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
import { ReferralProgramme } from './referral-programme.entity';

/** One referred friend in one programme, from attribution to qualification or reversal. */
@Entity('referrals')
@Index('referrals_programme_friend_key', ['programmeId', 'friendCustomerId'], {
  unique: true,
})
@Index('referrals_referrer_idx', ['referrerCustomerId', 'createdAt'])
@Index('referrals_status_idx', ['status', 'createdAt'])
@Index('referrals_ip_hash_idx', ['ipHash', 'createdAt'])
@Index('referrals_click_id_idx', ['clickId'])
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ReferralProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'referrals_programme_id_fkey',
  })
  programme?: ReferralProgramme;

  @Column({ type: 'uuid', nullable: true })
  codeId: string | null;

  @Column({ type: 'uuid' })
  referrerCustomerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'referrer_customer_id',
    foreignKeyConstraintName: 'referrals_referrer_customer_id_fkey',
  })
  referrer?: Customer;

  @Column({ type: 'uuid' })
  friendCustomerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'friend_customer_id',
    foreignKeyConstraintName: 'referrals_friend_customer_id_fkey',
  })
  friend?: Customer;

  @Column({ type: 'text' })
  status: ReferralStatus;

  @Column({ type: 'text', nullable: true })
  reasonCode: ReferralReason | null;

  /** Plain words the advocate sees. */
  @Column({ type: 'text', nullable: true })
  reasonText: string | null;

  @Column({ type: 'jsonb' })
  segmentSnapshot: SegmentSnapshot;

  @Column({ type: 'text' })
  segmentKey: string;

  @Column({ type: 'text' })
  attributionSource: AttributionSource;

  /** The click the friend was attributed to (cookie or link), when there was one. */
  @Column({ type: 'uuid', nullable: true })
  clickId: string | null;

  @Column({ type: 'text', nullable: true })
  ipHash: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'bigint', nullable: true })
  purchaseAmountMinor: string | null;

  @Column({ type: 'text', nullable: true })
  currency: string | null;

  @Column({ type: 'text', nullable: true })
  orderId: string | null;

  /** Start of the attribution window (the click, or the first event without one). */
  @Column({ type: 'timestamptz' })
  attributedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  qualifiedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reversedAt: Date | null;

  /** When the friend's referred order was refunded, within the hold or after it; a tier quality signal. */
  @Column({ type: 'timestamptz', nullable: true })
  refundedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
