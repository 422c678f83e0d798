import { SegmentSnapshot } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Customer } from '../../customers/entities/customer.entity';
import { ReferralProgramme } from './referral-programme.entity';

/** An advocate's share code in one programme, stamped with their segment when it was made. */
@Entity('referral_codes')
@Index('referral_codes_default_key', ['programmeId', 'customerId'], {
  unique: true,
  where: 'is_vanity = false',
})
export class ReferralCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; links match it case-insensitively. */
  @Index('referral_codes_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ReferralProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'referral_codes_programme_id_fkey',
  })
  programme?: ReferralProgramme;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'referral_codes_customer_id_fkey',
  })
  customer?: Customer;

  @Column({ type: 'boolean', default: false })
  isVanity: boolean;

  @Column({ type: 'jsonb' })
  segmentSnapshot: SegmentSnapshot;

  @Column({ type: 'text' })
  segmentKey: string;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
