import { FraudFlag, FraudRuleName } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Referral } from './referral.entity';

/** One fraud rule that fired on a referral, and what was decided about it. */
@Entity('fraud_reviews')
@Index('fraud_reviews_referral_idx', ['referralId'])
export class FraudReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'referral_id',
    foreignKeyConstraintName: 'fraud_reviews_referral_id_fkey',
  })
  referral?: Referral;

  @Column({ type: 'text' })
  rule: FraudRuleName;

  @Column({ type: 'text' })
  mode: FraudFlag['mode'];

  @Column({ type: 'text' })
  decision: FraudFlag['decision'];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
