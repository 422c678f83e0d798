import {
  MANUAL_PAYOUT_TYPES,
  RewardState,
  RewardSummary,
} from '../contracts/rewards';

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/** Plain words for where a reward stands and, when it cannot be claimed yet, why. */
export function rewardStatusText(
  reward: Pick<
    RewardSummary,
    'state' | 'availableAt' | 'expiresAt' | 'type' | 'reason'
  >,
): string {
  const state: RewardState = reward.state;
  switch (state) {
    case 'pending':
      return reward.availableAt
        ? `The hold ends on ${DATE.format(new Date(reward.availableAt))}`
        : 'Waiting for review';
    case 'over_budget':
      return 'Over budget — a manager will review it';
    case 'available':
      return reward.expiresAt
        ? `Ready to claim until ${DATE.format(new Date(reward.expiresAt))}`
        : 'Ready to claim';
    case 'claimed':
      return MANUAL_PAYOUT_TYPES.includes(reward.type)
        ? 'Claimed — waiting for a manager to pay it out'
        : 'Claimed — being delivered';
    case 'fulfilled':
      return 'Delivered';
    case 'reversed':
      return reward.reason ? `Reversed: ${reward.reason}` : 'Reversed';
    case 'expired':
      return 'Expired before it was claimed';
    case 'rejected':
      return reward.reason ? `Not approved: ${reward.reason}` : 'Not approved';
  }
}

/** Amount in words for lists: "1,250 points", "$12.50", "Perk". */
export function formatRewardAmount(
  reward: Pick<RewardSummary, 'type' | 'amount' | 'currency'>,
): string {
  if (reward.type === 'points')
    return `${reward.amount.toLocaleString('en-US')} points`;
  if (reward.type === 'perk') return 'Perk';
  if (!reward.currency)
    return reward.type === 'coupon' ? 'Coupon' : String(reward.amount);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: reward.currency,
  }).format(reward.amount / 100);
}
