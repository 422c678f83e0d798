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

@Entity('ambassador_training_modules')
@Index('ambassador_training_modules_programme_idx', ['programmeId', 'position'])
export class AmbassadorTrainingModule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => AmbassadorProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'ambassador_training_modules_programme_id_fkey',
  })
  programme?: AmbassadorProgramme;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'text', default: '' })
  content: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'integer', default: 5 })
  estimatedMinutes: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
