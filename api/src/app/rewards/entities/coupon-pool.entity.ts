import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ReferralProgramme } from '../../referrals/entities/referral-programme.entity';

/** Imported coupon codes a programme hands out; each code goes to one reward, never twice. */
@Entity('coupon_pools')
export class CouponPool {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => ReferralProgramme, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'coupon_pools_programme_id_fkey',
  })
  programme?: ReferralProgramme;

  /** Managers are warned when fewer unused codes than this remain. */
  @Column({ type: 'integer', default: 10 })
  lowThreshold: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
