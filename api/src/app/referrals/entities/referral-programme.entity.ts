import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type ProgrammeStatus = 'draft' | 'active' | 'paused' | 'archived';
export type AttributionModel = 'first_click' | 'last_click';

/** What one side of a double-sided referral earns, as configured on the programme. */
export interface RewardSpec {
  type: 'coupon' | 'points' | 'store_credit' | 'cash' | 'gift_card' | 'perk';
  /** Minor units (cents) for money; whole points for points; null for perks and coupons. */
  amount: number | null;
  currency: string | null;
  /** Coupon pool to draw from, for coupon rewards. */
  couponPoolId?: string | null;
  description?: string;
}

@Entity('referral_programmes')
export class ReferralProgramme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Index('referral_programmes_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text', default: 'draft' })
  status: ProgrammeStatus;

  @Column({ type: 'text' })
  landingUrl: string;

  @Column({ type: 'integer', default: 30 })
  attributionWindowDays: number;

  @Column({ type: 'text', default: 'last_click' })
  attributionModel: AttributionModel;

  /** Segment keys whose advocates may take part; empty means everyone. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  eligibleSegments: string[];

  @Column({ type: 'jsonb' })
  referrerReward: RewardSpec;

  @Column({ type: 'jsonb', nullable: true })
  friendReward: RewardSpec | null;

  /** Smallest first purchase (minor units) that qualifies a referral. */
  @Column({ type: 'integer', default: 0 })
  minPurchaseMinor: number;

  @Column({ type: 'text', default: 'USD' })
  currency: string;

  /** Days a reward stays pending before it can be claimed (refunds reverse it meanwhile). */
  @Column({ type: 'integer', default: 30 })
  holdDays: number;

  /** Fraud rule thresholds and modes (enforce or shadow), owned by the referrals feature. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  fraudRules: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
