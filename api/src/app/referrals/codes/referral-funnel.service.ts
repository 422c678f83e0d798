import { ReferralFunnel } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/access';
import { ConversionCounter } from './conversion-counter';
import { ReferralCodesService } from './referral-codes.service';

const FUNNEL_DAYS = 30;

@Injectable()
export class ReferralFunnelService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly codes: ReferralCodesService,
    private readonly conversions: ConversionCounter,
  ) {}

  /** Clicks on all the advocate's codes in the programme (last 30 days by day, totals all time) and conversions. */
  async funnel(user: AuthUser, programmeId: string): Promise<ReferralFunnel> {
    const { code } = await this.codes.forProgramme(user, programmeId);
    const customerId = code.customerId;
    const days: { day: string; clicks: string; unique_clicks: string }[] =
      await this.db.query(
        `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.clicks) AS clicks, sum(d.unique_clicks) AS unique_clicks
           FROM referral_click_daily d JOIN referral_codes c ON c.id = d.code_id
          WHERE c.customer_id = $1 AND d.programme_id = $2 AND d.day > current_date - $3::int
          GROUP BY d.day ORDER BY d.day`,
        [customerId, programmeId, FUNNEL_DAYS],
      );
    const [totals]: { clicks: string | null; unique_clicks: string | null }[] =
      await this.db.query(
        `SELECT sum(d.clicks) AS clicks, sum(d.unique_clicks) AS unique_clicks
           FROM referral_click_daily d JOIN referral_codes c ON c.id = d.code_id
          WHERE c.customer_id = $1 AND d.programme_id = $2`,
        [customerId, programmeId],
      );
    return {
      programmeId,
      clicks: Number(totals.clicks ?? 0),
      uniqueClicks: Number(totals.unique_clicks ?? 0),
      conversions: await this.conversions.countsFor(
        this.db.manager,
        customerId,
        programmeId,
      ),
      days: days.map((d) => ({
        day: d.day,
        clicks: Number(d.clicks),
        uniqueClicks: Number(d.unique_clicks),
      })),
    };
  }
}
