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

/** "visited" and "started" funnel steps; counted distinct by visitor, so reloads count once. */
@Entity('ambassador_funnel_events')
@Index(
  'ambassador_funnel_events_visitor_key',
  ['programmeId', 'stage', 'visitorId'],
  {
    unique: true,
  },
)
export class AmbassadorFunnelEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => AmbassadorProgramme, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'programme_id',
    foreignKeyConstraintName: 'ambassador_funnel_events_programme_id_fkey',
  })
  programme?: AmbassadorProgramme;

  @Column({ type: 'text' })
  stage: 'visited' | 'started';

  /** A signed-in advocate's customer id, or the random id an anonymous page sends. */
  @Column({ type: 'text' })
  visitorId: string;

  /** Segment when known (signed in); anonymous visits count as unknown. */
  @Column({ type: 'text', nullable: true })
  segmentKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
