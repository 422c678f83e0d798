import { ConversionCounts } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConversionCounter } from '../codes/conversion-counter';

/** The advocate's funnel past the click, from their referrals and the rewards those earned. */
@Injectable()
export class ReferralConversionCounter extends ConversionCounter {
  async countsFor(
    manager: EntityManager,
    customerId: string,
    programmeId: string,
  ): Promise<ConversionCounts> {
    const [row]: { signups: string; purchases: string; rewards: string }[] =
      await manager.query(
        `SELECT count(*) FILTER (WHERE r.reason_code IS DISTINCT FROM 'existing_customer') AS signups,
                count(*) FILTER (WHERE r.purchase_amount_minor IS NOT NULL) AS purchases,
                count(*) FILTER (WHERE r.status = 'qualified') AS rewards
           FROM referrals r WHERE r.referrer_customer_id = $1 AND r.programme_id = $2`,
        [customerId, programmeId],
      );
    return {
      signups: Number(row.signups),
      purchases: Number(row.purchases),
      rewards: Number(row.rewards),
    };
  }
}
