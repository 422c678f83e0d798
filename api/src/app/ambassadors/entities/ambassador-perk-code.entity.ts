import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AmbassadorPerk } from './ambassador-perk.entity';

/** One exclusive code; handed to one ambassador once and never reused. */
@Entity('ambassador_perk_codes')
@Index('ambassador_perk_codes_code_key', ['perkId', 'code'], { unique: true })
@Index('ambassador_perk_codes_holder_key', ['perkId', 'customerId'], {
  unique: true,
  where: 'customer_id IS NOT NULL',
})
export class AmbassadorPerkCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  perkId: string;

  @ManyToOne(() => AmbassadorPerk, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'perk_id',
    foreignKeyConstraintName: 'ambassador_perk_codes_perk_id_fkey',
  })
  perk?: AmbassadorPerk;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
