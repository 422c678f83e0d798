import { ConversionEventType } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** One processed brand event; the same event id replays the stored answer. */
@Entity('referral_events')
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

  @Column({ type: 'integer' })
  responseStatus: number;

  @Column({ type: 'jsonb' })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
