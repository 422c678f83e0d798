import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Click counters rolled up per code and day by the batch writer, so reports never scan clicks. */
@Entity('referral_click_daily')
export class ReferralClickDaily {
  @PrimaryColumn({ type: 'uuid' })
  codeId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'integer', default: 0 })
  clicks: number;

  @Column({ type: 'integer', default: 0 })
  uniqueClicks: number;

  @Column({ type: 'integer', default: 0 })
  botClicks: number;
}
