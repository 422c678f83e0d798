import { ApplicationState } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AmbassadorApplication } from './ambassador-application.entity';

/** Append-only: a state change (with the applicant-facing reason) or an internal reviewer note. */
@Entity('ambassador_application_events')
@Index('ambassador_application_events_application_idx', ['applicationId', 'at'])
export class AmbassadorApplicationEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => AmbassadorApplication, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'application_id',
    foreignKeyConstraintName:
      'ambassador_application_events_application_id_fkey',
  })
  application?: AmbassadorApplication;

  @Column({ type: 'text' })
  kind: 'transition' | 'note';

  @Column({ type: 'text', nullable: true })
  fromState: ApplicationState | null;

  @Column({ type: 'text', nullable: true })
  toState: ApplicationState | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorEmail: string | null;

  /** Transition: reason shown to the applicant; note: the internal note. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
