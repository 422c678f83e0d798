import {
  AdvocacyLevel,
  LoyaltyKind,
  SegmentNpsCategory,
} from '@advocacy/shared';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
} from 'typeorm';
import { Customer } from '../../customers/entities/customer.entity';

/** Each customer's current segment, rewritten by the set-based recompute job. */
@Entity('customer_segments')
@Index('customer_segments_key_idx', ['segmentKey'])
export class CustomerSegment {
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @OneToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'customer_segments_customer_id_fkey',
  })
  customer?: Customer;

  @Column({ type: 'text' })
  segmentKey: string;

  @Column({ type: 'text' })
  npsCategory: SegmentNpsCategory;

  @Column({ type: 'smallint', nullable: true })
  lastScore: number | null;

  @Column({ type: 'text' })
  advocacyLevel: AdvocacyLevel;

  @Column({ type: 'text' })
  loyalty: LoyaltyKind;

  @Column({ type: 'boolean' })
  churnRisk: boolean;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
