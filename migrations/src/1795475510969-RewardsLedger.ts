import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rewards ledger, tiers, budgets and caps, coupon pools, and the generic idempotency-key store. */
export class RewardsLedger1795475510969 implements MigrationInterface {
  name = 'RewardsLedger1795475510969';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scope" text NOT NULL, "key" text NOT NULL, "route" text NOT NULL, "request_hash" text NOT NULL, "status" text NOT NULL DEFAULT 'in_progress', "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "locked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "idempotency_keys_scope_key" ON "idempotency_keys" ("scope", "key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" ("created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "coupon_pools" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "programme_id" uuid, "low_threshold" integer NOT NULL DEFAULT '10', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "coupon_pools_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "rewards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "programme_id" uuid, "type" text NOT NULL, "amount" bigint NOT NULL, "currency" text, "source" text NOT NULL, "source_ref" text NOT NULL, "state" text NOT NULL, "reason" text, "available_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "segment_snapshot" jsonb NOT NULL, "segment_key" text NOT NULL, "coupon_pool_id" uuid, "coupon_code" text, "payout_reference" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "rewards_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "rewards_source_ref_key" ON "rewards" ("source", "source_ref", "customer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "rewards_customer_idx" ON "rewards" ("customer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "rewards_state_idx" ON "rewards" ("state", "available_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "rewards_programme_idx" ON "rewards" ("programme_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reward_transitions" ("id" BIGSERIAL NOT NULL, "reward_id" uuid NOT NULL, "from_state" text, "to_state" text NOT NULL, "actor_id" uuid, "reason" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reward_transitions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "reward_transitions_reward_idx" ON "reward_transitions" ("reward_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "coupons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pool_id" uuid NOT NULL, "code" text NOT NULL, "claimed_by_reward_id" uuid, "claimed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "coupons_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "coupons_code_key" ON "coupons" ("code") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "coupons_claimed_by_reward_key" ON "coupons" ("claimed_by_reward_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "coupons_pool_free_idx" ON "coupons" ("pool_id") WHERE claimed_by_reward_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "reward_tiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "name" text NOT NULL, "rank" integer NOT NULL, "min_qualified_referrals" integer NOT NULL, "max_refund_rate" double precision, "min_repeat_purchase_share" double precision, "min_friend_average_nps" double precision, "window_days" integer, "bonus" jsonb, "downgrade" text NOT NULL DEFAULT 'keep', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reward_tiers_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "reward_tiers_rank_key" ON "reward_tiers" ("programme_id", "rank") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reward_tier_awards" ("customer_id" uuid NOT NULL, "tier_id" uuid NOT NULL, "awarded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reward_tier_awards_pkey" PRIMARY KEY ("customer_id", "tier_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reward_budgets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "period" text NOT NULL, "limit_minor" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reward_budgets_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "reward_budgets_period_key" ON "reward_budgets" ("programme_id", "period") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reward_caps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "period" text NOT NULL, "max_count" integer, "max_amount_minor" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reward_caps_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "reward_caps_period_key" ON "reward_caps" ("programme_id", "period") `,
    );
    const foreignKeys: [string, string, string, string, string][] = [
      [
        'coupon_pools',
        'programme_id',
        'referral_programmes',
        'coupon_pools_programme_id_fkey',
        'SET NULL',
      ],
      [
        'rewards',
        'customer_id',
        'customers',
        'rewards_customer_id_fkey',
        'CASCADE',
      ],
      [
        'rewards',
        'programme_id',
        'referral_programmes',
        'rewards_programme_id_fkey',
        'NO ACTION',
      ],
      [
        'rewards',
        'coupon_pool_id',
        'coupon_pools',
        'rewards_coupon_pool_id_fkey',
        'SET NULL',
      ],
      [
        'reward_transitions',
        'reward_id',
        'rewards',
        'reward_transitions_reward_id_fkey',
        'CASCADE',
      ],
      ['coupons', 'pool_id', 'coupon_pools', 'coupons_pool_id_fkey', 'CASCADE'],
      [
        'coupons',
        'claimed_by_reward_id',
        'rewards',
        'coupons_claimed_by_reward_id_fkey',
        'NO ACTION',
      ],
      [
        'reward_tiers',
        'programme_id',
        'referral_programmes',
        'reward_tiers_programme_id_fkey',
        'CASCADE',
      ],
      [
        'reward_tier_awards',
        'customer_id',
        'customers',
        'reward_tier_awards_customer_id_fkey',
        'CASCADE',
      ],
      [
        'reward_tier_awards',
        'tier_id',
        'reward_tiers',
        'reward_tier_awards_tier_id_fkey',
        'CASCADE',
      ],
      [
        'reward_budgets',
        'programme_id',
        'referral_programmes',
        'reward_budgets_programme_id_fkey',
        'CASCADE',
      ],
      [
        'reward_caps',
        'programme_id',
        'referral_programmes',
        'reward_caps_programme_id_fkey',
        'CASCADE',
      ],
    ];
    for (const [table, column, target, name, onDelete] of foreignKeys) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'reward_caps',
      'reward_budgets',
      'reward_tier_awards',
      'reward_tiers',
      'coupons',
      'reward_transitions',
      'rewards',
      'coupon_pools',
      'idempotency_keys',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}" CASCADE`);
    }
  }
}
