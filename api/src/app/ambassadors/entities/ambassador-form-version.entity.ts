import { FormField } from '@advocacy/shared';
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

/** Immutable: editing a form adds a version, so earlier applications keep the questions they answered. */
@Entity('ambassador_form_versions')
@Index(
  'ambassador_form_versions_programme_version_key',
  ['programmeId', 'version'],
  {
    unique: true,
  },
)
export class AmbassadorFormVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => AmbassadorProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'ambassador_form_versions_programme_id_fkey',
  })
  programme?: AmbassadorProgramme;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  fields: FormField[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
