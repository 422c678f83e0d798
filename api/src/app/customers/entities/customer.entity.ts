import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A person the brand knows. An advocate is a customer with a portal login. */
@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('customers_external_id_key', {
    unique: true,
    where: 'external_id IS NOT NULL',
  })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Index('customers_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer', default: 0 })
  purchaseCount: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  purchaseValue: string;

  @Column({ type: 'timestamptz', nullable: true })
  firstPurchaseAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastPurchaseAt: Date | null;

  @Column({ type: 'boolean', default: false })
  consentEmail: boolean;

  @Column({ type: 'boolean', default: false })
  consentMarketing: boolean;

  /** Last referral, review or UGC post; features set it, segments read it. */
  @Column({ type: 'timestamptz', nullable: true })
  lastAdvocacyAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  ambassadorSince: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
