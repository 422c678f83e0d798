import { PerkKind, PerkReward } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AmbassadorProgramme } from './ambassador-programme.entity';

@Entity('ambassador_perks')
@Index('ambassador_perks_programme_idx', ['programmeId', 'createdAt'])
export class AmbassadorPerk {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => AmbassadorProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'ambassador_perks_programme_id_fkey',
  })
  programme?: AmbassadorProgramme;

  @Column({ type: 'text' })
  kind: PerkKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ type: 'jsonb', nullable: true })
  reward: PerkReward | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
