import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type IdempotencyStatus = 'in_progress' | 'done';

/** One Idempotency-Key a caller sent, with the answer to replay when the same request comes again. */
@Entity('idempotency_keys')
@Index('idempotency_keys_scope_key', ['scope', 'key'], { unique: true })
@Index('idempotency_keys_created_idx', ['createdAt'])
export class IdempotencyKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Whose key this is (e.g. `user:<id>`): keys of different callers never collide. */
  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  route: string;

  /** SHA-256 of the method, route and body, to tell a replay from a reuse. */
  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'text', default: 'in_progress' })
  status: IdempotencyStatus;

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the request ran. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lockedAt: Date;
}
