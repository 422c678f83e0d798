import {
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Customer } from '../../customers/entities/customer.entity';
import { RewardTier } from './reward-tier.entity';

/** The first time an advocate reached a tier: its bonus is granted once, and `keep` tiers stay. */
@Entity('reward_tier_awards')
export class RewardTierAward {
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @PrimaryColumn({ type: 'uuid' })
  tierId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'reward_tier_awards_customer_id_fkey',
  })
  customer?: Customer;

  @ManyToOne(() => RewardTier, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'tier_id',
    foreignKeyConstraintName: 'reward_tier_awards_tier_id_fkey',
  })
  tier?: RewardTier;

  @CreateDateColumn({ type: 'timestamptz' })
  awardedAt: Date;
}
