import { RewardState } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Reward } from './reward.entity';

/** Append-only history of a reward; the advocate's timeline. */
@Entity('reward_transitions')
@Index('reward_transitions_reward_idx', ['rewardId', 'at'])
export class RewardTransition {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  rewardId: string;

  @ManyToOne(() => Reward, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'reward_id',
    foreignKeyConstraintName: 'reward_transitions_reward_id_fkey',
  })
  reward?: Reward;

  /** Null for the entry that created the reward. */
  @Column({ type: 'text', nullable: true })
  fromState: RewardState | null;

  @Column({ type: 'text' })
  toState: RewardState;

  /** Null when the system acted (hold ended, fulfilment job). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
