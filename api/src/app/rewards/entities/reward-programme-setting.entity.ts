import {
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ReferralProgramme } from '../../referrals/entities/referral-programme.entity';
import { bigintNumber } from './bigint-number';

/** Reward settings of one programme; kept here so the referrals feature's table stays its own. */
@Entity('reward_programme_settings')
export class RewardProgrammeSetting {
  @PrimaryColumn({
    type: 'uuid',
    primaryKeyConstraintName: 'reward_programme_settings_pkey',
  })
  programmeId: string;

  @OneToOne(() => ReferralProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'reward_programme_settings_programme_id_fkey',
  })
  programme?: ReferralProgramme;

  /** Smallest available money balance (minor units) an advocate may claim from; 0 means any. */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  minClaimMinor: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
