import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralEvents1795477872244 implements MigrationInterface {
  name = 'ReferralEvents1795477872244';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "code_id" uuid, "referrer_customer_id" uuid NOT NULL, "friend_customer_id" uuid NOT NULL, "status" text NOT NULL, "reason_code" text, "reason_text" text, "segment_snapshot" jsonb NOT NULL, "segment_key" text NOT NULL, "attribution_source" text NOT NULL, "click_id" uuid, "ip_hash" text, "user_agent" text, "purchase_amount_minor" bigint, "currency" text, "order_id" text, "attributed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "qualified_at" TIMESTAMP WITH TIME ZONE, "reversed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "referrals_programme_friend_key" ON "referrals" ("programme_id", "friend_customer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_referrer_idx" ON "referrals" ("referrer_customer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_status_idx" ON "referrals" ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_ip_hash_idx" ON "referrals" ("ip_hash", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "referrals_click_id_idx" ON "referrals" ("click_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" text NOT NULL, "type" text NOT NULL, "payload_hash" text NOT NULL, "response_status" integer NOT NULL, "response_body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_referral_events_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "referral_events_event_id_key" ON "referral_events" ("event_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "fraud_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "rule" text NOT NULL, "mode" text NOT NULL, "decision" text NOT NULL, "note" text, "reviewer_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fraud_reviews_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "fraud_reviews_referral_idx" ON "fraud_reviews" ("referral_id") `,
    );
    for (const [column, table] of [
      ['programme_id', 'referral_programmes'],
      ['referrer_customer_id', 'customers'],
      ['friend_customer_id', 'customers'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "referrals" ADD CONSTRAINT "referrals_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "fraud_reviews" ADD CONSTRAINT "fraud_reviews_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "fraud_reviews"`);
    await queryRunner.query(`DROP TABLE "referral_events"`);
    await queryRunner.query(`DROP TABLE "referrals"`);
  }
}
