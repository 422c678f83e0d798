import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded click; written in batches from the Redis click stream, never inside the request. */
@Entity('referral_clicks')
@Index('referral_clicks_code_at_idx', ['codeId', 'at'])
export class ReferralClick {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** Minted by the redirect; the batch writer's idempotency key. */
  @Index('referral_clicks_click_id_key', { unique: true })
  @Column({ type: 'uuid' })
  clickId: string;

  @Column({ type: 'uuid' })
  codeId: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Keyed hash: the same visitor is recognisable for a day, the address is not stored. */
  @Column({ type: 'text' })
  ipHash: string;

  @Column({ type: 'text' })
  userAgent: string;

  @Column({ type: 'text', nullable: true })
  referrer: string | null;

  @Column({ type: 'boolean' })
  isBot: boolean;

  /** False for a repeat from the same address and agent within an hour. */
  @Column({ type: 'boolean' })
  isUnique: boolean;
}
