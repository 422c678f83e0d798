import { WebhookDeliveredType } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** The transactional outbox: written with the change it reports, fanned out after commit. */
@Entity('webhook_events')
@Index('webhook_events_undispatched_idx', ['createdAt'], {
  where: 'dispatched_at IS NULL',
})
export class WebhookEvent {
  /** Sent as `webhook-id`; every delivery and replay of the event carries it. */
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: WebhookDeliveredType;

  @Column({ type: 'jsonb' })
  data: object;

  /** Set for a test event, which goes to this endpoint only. */
  @Column({ type: 'uuid', nullable: true })
  endpointId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
