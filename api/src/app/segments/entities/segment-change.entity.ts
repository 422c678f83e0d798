import { SegmentNpsCategory } from '@advocacy/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One move between segments (who went from passive to promoter, and when). */
@Entity('segment_changes')
@Index('segment_changes_customer_idx', ['customerId', 'changedAt'])
@Index('segment_changes_at_idx', ['changedAt'])
export class SegmentChange {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text', nullable: true })
  fromSegmentKey: string | null;

  @Column({ type: 'text' })
  toSegmentKey: string;

  @Column({ type: 'text', nullable: true })
  fromNpsCategory: SegmentNpsCategory | null;

  @Column({ type: 'text' })
  toNpsCategory: SegmentNpsCategory;

  @Column({ type: 'timestamptz' })
  changedAt: Date;
}
