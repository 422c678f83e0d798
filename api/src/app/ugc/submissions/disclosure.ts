import { SegmentSnapshot } from '@advocacy/shared';
import { EntityManager } from 'typeorm';
import { UgcCampaign } from '../entities/ugc-campaign.entity';

/**
 * The label shown beside incentivised content: the person is an ambassador, has rewards in the
 * ledger that were not reversed, or the campaign pays for approved content.
 */
export interface DisclosureInput {
  /** The submitter's customer record, when known (for public links: matched by email). */
  customerId: string | null;
  snapshot: SegmentSnapshot;
  campaign: UgcCampaign;
  campaignRewardApplies: boolean;
}

export async function disclosureFor(
  manager: EntityManager,
  { customerId, snapshot, campaign, campaignRewardApplies }: DisclosureInput,
): Promise<string | null> {
  let ambassador = snapshot.advocacyLevel === 'ambassador';
  let rewarded = false;
  if (customerId) {
    const rows: { ambassador: boolean; rewarded: boolean }[] =
      await manager.query(
        `SELECT c.ambassador_since IS NOT NULL AS ambassador,
              EXISTS (SELECT 1 FROM rewards r WHERE r.customer_id = c.id AND r.state <> 'reversed') AS rewarded
         FROM customers c WHERE c.id = $1`,
        [customerId],
      );
    ambassador ||= rows[0]?.ambassador ?? false;
    rewarded = rows[0]?.rewarded ?? false;
  }
  const incentivised =
    rewarded || (campaignRewardApplies && campaign.reward !== null);
  if (ambassador && incentivised)
    return 'Brand ambassador · received rewards from the brand';
  if (ambassador) return 'Brand ambassador';
  if (incentivised) return 'Incentivised: received a reward from the brand';
  return null;
}
