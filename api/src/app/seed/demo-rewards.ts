import { RewardState } from '@advocacy/shared';
import { DataSource, EntityManager } from 'typeorm';
import { queryReturning } from '../database/sql';
import { GrantInput } from '../rewards/reward-ledger.service';
import { RewardsService } from '../rewards/rewards.service';

const ADVOCATE_EMAIL = 'advocate@demo.test';
/** The referrals feature seeds this programme; rewards attach to it when it is there. */
const DEMO_PROGRAMME_SLUG = 'give-10-get-10';
const DEMO_POOL_NAME = 'Give $10 welcome codes';
const DEMO_CODES = 24;

interface DemoReward {
  ref: string;
  grant: Omit<GrantInput, 'customerId' | 'source' | 'sourceRef'>;
  /** States after the grant, in order; the first entry replaces the granted state. */
  path: RewardState[];
  couponFromPool?: boolean;
}

const DEMO_REWARDS: DemoReward[] = [
  {
    ref: 'pending-credit',
    grant: {
      type: 'store_credit',
      amountMinor: 1000,
      currency: 'USD',
      holdDays: 12,
      reason: 'Your friend Sam placed a first order',
    },
    path: [],
  },
  {
    ref: 'welcome-points',
    grant: {
      type: 'points',
      points: 500,
      holdDays: 0,
      reason: 'Welcome to the advocate programme',
    },
    path: [],
  },
  {
    ref: 'available-coupon',
    grant: {
      type: 'coupon',
      amountMinor: 1000,
      currency: 'USD',
      holdDays: 0,
      expiresInDays: 60,
      reason: 'Your friend Lena placed a first order',
    },
    path: [],
    couponFromPool: true,
  },
  {
    ref: 'claimed-cash',
    grant: {
      type: 'cash',
      amountMinor: 2500,
      currency: 'USD',
      holdDays: 0,
      reason: 'Your friend Priya placed a first order',
    },
    path: ['claimed'],
  },
  {
    ref: 'fulfilled-points',
    grant: {
      type: 'points',
      points: 1200,
      holdDays: 0,
      reason: 'Your friend Jonas placed a first order',
    },
    path: ['claimed', 'fulfilled'],
  },
  {
    ref: 'fulfilled-coupon',
    grant: {
      type: 'coupon',
      amountMinor: 1000,
      currency: 'USD',
      holdDays: 0,
      reason: 'Your friend Hugo placed a first order',
    },
    path: ['claimed', 'fulfilled'],
    couponFromPool: true,
  },
  {
    ref: 'over-budget-credit',
    grant: {
      type: 'store_credit',
      amountMinor: 5000,
      currency: 'USD',
      holdDays: 0,
      reason: 'Your friend Mia placed a large first order',
    },
    path: ['over_budget'],
  },
];

const STEP_REASONS: Partial<Record<RewardState, string>> = {
  claimed: 'Claimed by the advocate',
  fulfilled: 'Delivered to your balance',
  over_budget: 'Over the monthly budget; waiting for a manager',
};

/** Demo wallet content in every state; each reward is keyed by its source ref, so reruns add nothing. */
export async function seedDemoRewards(
  db: DataSource,
  rewards: RewardsService,
): Promise<void> {
  const customers: { id: string }[] = await db.query(
    `SELECT id FROM customers WHERE email = $1`,
    [ADVOCATE_EMAIL],
  );
  if (!customers[0]) return;
  const programmes: { id: string }[] = await db.query(
    `SELECT id FROM referral_programmes WHERE slug = $1`,
    [DEMO_PROGRAMME_SLUG],
  );
  const programmeId = programmes[0]?.id ?? null;
  const poolId = programmeId ? await seedPoolAndBudget(db, programmeId) : null;
  for (const demo of DEMO_REWARDS) {
    await db.transaction(async (manager) => {
      const { reward, created } = await rewards.grant(manager, {
        ...demo.grant,
        customerId: customers[0].id,
        programmeId,
        couponPoolId: demo.couponFromPool ? poolId : null,
        source: 'manual',
        sourceRef: `demo:${demo.ref}`,
      });
      if (created && demo.path.length > 0)
        await settle(manager, reward.id, demo.path, demo.couponFromPool);
    });
  }
}

async function seedPoolAndBudget(
  db: DataSource,
  programmeId: string,
): Promise<string> {
  await db.query(
    `INSERT INTO coupon_pools (name, programme_id, low_threshold)
     SELECT $1, $2, 5 WHERE NOT EXISTS (SELECT 1 FROM coupon_pools WHERE name = $1 AND programme_id = $2)`,
    [DEMO_POOL_NAME, programmeId],
  );
  const pools: { id: string }[] = await db.query(
    `SELECT id FROM coupon_pools WHERE name = $1 AND programme_id = $2 ORDER BY created_at LIMIT 1`,
    [DEMO_POOL_NAME, programmeId],
  );
  const codes = Array.from(
    { length: DEMO_CODES },
    (_, i) => `GIVE10-DEMO-${String(i + 1).padStart(3, '0')}`,
  );
  await db.query(
    `INSERT INTO coupons (pool_id, code) SELECT $1, unnest($2::text[]) ON CONFLICT (code) DO NOTHING`,
    [pools[0].id, codes],
  );
  await db.query(
    `INSERT INTO reward_budgets (programme_id, period, limit_minor) VALUES ($1, 'month', 250000)
     ON CONFLICT (programme_id, period) DO NOTHING`,
    [programmeId],
  );
  return pools[0].id;
}

/** Walks a fresh demo reward to its demo state, with the history an advocate would see. */
async function settle(
  manager: EntityManager,
  rewardId: string,
  path: RewardState[],
  takesCode = false,
): Promise<void> {
  const [first] = path;
  if (first === 'over_budget') {
    await manager.query(
      `UPDATE reward_transitions SET to_state = $2, reason = $3 WHERE reward_id = $1 AND from_state IS NULL`,
      [rewardId, first, STEP_REASONS.over_budget],
    );
    await manager.query(
      `UPDATE rewards SET state = $2, available_at = NULL WHERE id = $1`,
      [rewardId, first],
    );
    return;
  }
  let from: RewardState = 'available';
  for (const to of path) {
    await manager.query(
      `INSERT INTO reward_transitions (reward_id, from_state, to_state, actor_id, reason) VALUES ($1, $2, $3, NULL, $4)`,
      [rewardId, from, to, STEP_REASONS[to] ?? null],
    );
    from = to;
  }
  const code =
    takesCode && from === 'fulfilled'
      ? await takeCoupon(manager, rewardId)
      : null;
  await manager.query(
    `UPDATE rewards SET state = $2, coupon_code = coalesce($3, coupon_code) WHERE id = $1`,
    [rewardId, from, code],
  );
}

async function takeCoupon(
  manager: EntityManager,
  rewardId: string,
): Promise<string | null> {
  const rows = await queryReturning<{ code: string }>(
    manager,
    `UPDATE coupons SET claimed_by_reward_id = $1, claimed_at = now()
      WHERE id = (SELECT c.id FROM coupons c JOIN rewards r ON r.coupon_pool_id = c.pool_id
                   WHERE r.id = $1 AND c.claimed_by_reward_id IS NULL ORDER BY c.code LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING code`,
    [rewardId],
  );
  return rows[0]?.code ?? null;
}
