import {
  AudienceFilter,
  OutreachPurpose,
  OutreachSendStatus,
} from '@advocacy/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OutreachTemplate } from './outreach-template.entity';

/** One send of a template to an audience, now or at a set time; counts are refreshed after each batch. */
@Entity('outreach_sends')
@Index('outreach_sends_due_idx', ['status', 'scheduledAt'])
@Index('outreach_sends_created_idx', ['createdAt'])
export class OutreachSend {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  templateId: string;

  @ManyToOne(() => OutreachTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'template_id',
    foreignKeyConstraintName: 'outreach_sends_template_id_fkey',
  })
  template?: OutreachTemplate;

  @Column({ type: 'text' })
  templateName: string;

  @Column({ type: 'text' })
  purpose: OutreachPurpose;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb' })
  audience: AudienceFilter;

  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  surveyId: string | null;

  @Column({ type: 'text' })
  status: OutreachSendStatus;

  @Column({ type: 'timestamptz' })
  scheduledAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  recipientCount: number;

  @Column({ type: 'integer', default: 0 })
  sentCount: number;

  @Column({ type: 'integer', default: 0 })
  failedCount: number;

  @Column({ type: 'integer', default: 0 })
  skippedCount: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
