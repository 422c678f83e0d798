import {
  CreateDateColumn,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OutreachMessage } from './outreach-message.entity';

/** A click on a message's tracked link, before it redirects to the share link. */
@Entity('outreach_clicks')
@Index('outreach_clicks_send_idx', ['sendId', 'clickedAt'])
@Index('outreach_clicks_message_idx', ['messageId'])
export class OutreachClick {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  messageId: string;

  @ManyToOne(() => OutreachMessage, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'message_id',
    foreignKeyConstraintName: 'outreach_clicks_message_id_fkey',
  })
  message?: OutreachMessage;

  @Column({ type: 'uuid' })
  sendId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  clickedAt: Date;
}
