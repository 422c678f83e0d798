import type { UgcCampaignReward, UgcCampaignStatus } from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('ugc_campaigns')
export class UgcCampaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  guidelines: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prompts: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  hashtags: string[];

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  /** Segment keys whose advocates may take part; empty means everyone. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  eligibleSegments: string[];

  @Column({ type: 'jsonb', nullable: true })
  reward: UgcCampaignReward | null;

  @Column({ type: 'text', default: 'draft' })
  status: UgcCampaignStatus;

  /** Unguessable token of the public testimonial link. */
  @Index('ugc_campaigns_public_token_key', { unique: true })
  @Column({ type: 'text' })
  publicToken: string;

  @Column({ type: 'boolean', default: false })
  publicLinkEnabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
