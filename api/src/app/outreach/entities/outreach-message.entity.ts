import { OutreachMessageStatus, SegmentNpsCategory } from '@advocacy/shared';
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
import { OutreachSend } from './outreach-send.entity';

/**
 * One recipient of a send. A row moves queued → sending before the mail goes out, so a worker
 * that crashes mid-send leaves it `sending` and it is never mailed twice.
 */
@Entity('outreach_messages')
@Index('outreach_messages_recipient_key', ['sendId', 'customerId'], {
  unique: true,
})
@Index('outreach_messages_send_status_idx', ['sendId', 'status'])
@Index('outreach_messages_throttle_idx', ['customerId', 'claimedAt'])
export class OutreachMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sendId: string;

  @ManyToOne(() => OutreachSend, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'send_id',
    foreignKeyConstraintName: 'outreach_messages_send_id_fkey',
  })
  send?: OutreachSend;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'outreach_messages_customer_id_fkey',
  })
  customer?: Customer;

  /** The address when the send started. */
  @Column({ type: 'text' })
  email: string;

  /** The recipient's NPS category when the send started, for the report. */
  @Column({ type: 'text' })
  npsCategory: SegmentNpsCategory;

  @Column({ type: 'text', nullable: true })
  segmentKey: string | null;

  @Column({ type: 'text' })
  status: OutreachMessageStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Random token of the click-tracking and unsubscribe links. */
  @Index('outreach_messages_token_key', { unique: true })
  @Column({ type: 'text' })
  token: string;

  @Column({ type: 'text', nullable: true })
  referralCode: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  smtpMessageId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
