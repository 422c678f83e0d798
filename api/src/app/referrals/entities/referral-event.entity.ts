import {
  ConversionEventRequest,
  ConversionEventResponse,
  ConversionEventType,
  EventProcessingState,
} from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * A brand event in the inbox: stored (and acknowledged) first, processed afterwards in receipt
 * order within its lane. The same event id answers with the same receipt.
 */
@Entity('referral_events')
@Index('referral_events_backlog', ['lane', 'seq'], {
  where: `"state" = 'received'`,
})
export class ReferralEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('referral_events_event_id_key', { unique: true })
  @Column({ type: 'text' })
  eventId: string;

  @Column({ type: 'text' })
  type: ConversionEventType;

  /** SHA-256 of the canonical body, to tell a replay from a reused id. */
  @Column({ type: 'text' })
  payloadHash: string;

  /** The validated event; null only for events processed before the inbox existed. */
  @Column({ type: 'jsonb', nullable: true })
  payload: ConversionEventRequest | null;

  @Column({ type: 'text', default: 'received' })
  state: EventProcessingState;

  /** Events of one customer share a lane, so they are processed in the order they arrived. */
  @Column({ type: 'smallint', default: 0 })
  lane: number;

  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Column({ type: 'jsonb', nullable: true })
  result: ConversionEventResponse | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
