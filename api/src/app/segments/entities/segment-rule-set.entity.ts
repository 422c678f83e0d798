import { SegmentRules } from '@advocacy/shared';
import {
  Column,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** The rules in force; programme_id null is the brand-wide default. */
@Entity('segment_rule_sets')
export class SegmentRuleSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('segment_rule_sets_programme_key', {
    unique: true,
    where: 'programme_id IS NOT NULL',
  })
  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @Column({ type: 'jsonb' })
  rules: SegmentRules;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
