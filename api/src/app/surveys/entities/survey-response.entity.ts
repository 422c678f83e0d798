import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Customer } from '../../customers/entities/customer.entity';
import { Survey, SurveyKind } from './survey.entity';

export type ResponseChannel = 'portal' | 'link' | 'api' | 'import';

@Entity('survey_responses')
@Index('survey_responses_customer_at_idx', ['customerId', 'respondedAt'])
@Index('survey_responses_at_idx', ['respondedAt'])
/** Importing the same file twice adds nothing: a row without an id dedupes on customer, survey and time. */
@Index(
  'survey_responses_natural_key',
  ['surveyId', 'customerId', 'respondedAt'],
  { unique: true },
)
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The brand's own response id, when it has one: the first dedupe key. */
  @Index('survey_responses_external_id_key', {
    unique: true,
    where: 'external_id IS NOT NULL',
  })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'survey_id',
    foreignKeyConstraintName: 'survey_responses_survey_id_fkey',
  })
  survey?: Survey;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'customer_id',
    foreignKeyConstraintName: 'survey_responses_customer_id_fkey',
  })
  customer?: Customer;

  @Column({ type: 'text' })
  kind: SurveyKind;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'text' })
  channel: ResponseChannel;

  @Column({ type: 'integer', nullable: true })
  wave: number | null;

  @Column({ type: 'timestamptz' })
  respondedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
