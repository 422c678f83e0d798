import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AmbassadorPerk } from './ambassador-perk.entity';

/** Who took which perk: one claim per ambassador per perk. */
@Entity('ambassador_perk_claims')
export class AmbassadorPerkClaim {
  @PrimaryColumn({ type: 'uuid' })
  perkId: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => AmbassadorPerk, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'perk_id',
    foreignKeyConstraintName: 'ambassador_perk_claims_perk_id_fkey',
  })
  perk?: AmbassadorPerk;

  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Column({ type: 'uuid', nullable: true })
  rewardId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  claimedAt: Date;
}
