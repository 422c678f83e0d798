import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type SurveyKind = 'nps' | 'csat';

@Entity('surveys')
export class Survey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: SurveyKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  question: string;

  /** Follow-up wording by category (NPS) or one wording for all (CSAT: stored as passive). */
  @Column({ type: 'text', nullable: true })
  followUpPromoter: string | null;

  @Column({ type: 'text', nullable: true })
  followUpPassive: string | null;

  @Column({ type: 'text', nullable: true })
  followUpDetractor: string | null;

  /** Each send is a wave; a personal link accepts one answer per wave. */
  @Column({ type: 'integer', default: 1 })
  wave: number;

  /** Nobody is asked again within this many days. */
  @Column({ type: 'integer', default: 90 })
  throttleDays: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
