import type {
  SegmentSnapshot,
  UgcMediaType,
  UgcSource,
  UgcSubmissionStatus,
} from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Customer } from '../../customers/entities/customer.entity';
import { UgcCampaign } from './ugc-campaign.entity';

@Entity('ugc_submissions')
@Index('ugc_submissions_queue_idx', ['status', 'createdAt'])
@Index('ugc_submissions_customer_idx', ['customerId', 'createdAt'])
@Index('ugc_submissions_campaign_idx', ['campaignId', 'createdAt'])
export class UgcSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => UgcCampaign, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'campaign_id',
    foreignKeyConstraintName: 'ugc_submissions_campaign_id_fkey',
  })
  campaign?: UgcCampaign;

  /** Null for public-link submissions: their email is unverified, so they own nothing in the portal. */
  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'ugc_submissions_customer_id_fkey',
  })
  customer?: Customer;

  @Column({ type: 'text' })
  source: UgcSource;

  @Column({ type: 'text' })
  submitterName: string;

  @Column({ type: 'text' })
  submitterEmail: string;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  videoUrl: string | null;

  @Column({ type: 'text', nullable: true })
  socialUrl: string | null;

  @Column({ type: 'text' })
  mediaType: UgcMediaType;

  @Column({ type: 'text', default: 'pending' })
  status: UgcSubmissionStatus;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'boolean', default: false })
  featured: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** Character range of the display excerpt within `text`; the words themselves never change. */
  @Column({ type: 'integer', nullable: true })
  excerptStart: number | null;

  @Column({ type: 'integer', nullable: true })
  excerptEnd: number | null;

  /** Set at submission when the content was incentivised (rewards, campaign reward, ambassador). */
  @Column({ type: 'text', nullable: true })
  disclosure: string | null;

  @Column({ type: 'jsonb' })
  segmentSnapshot: SegmentSnapshot;

  @Column({ type: 'text' })
  segmentKey: string;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
