import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralProgrammes1795475339604 implements MigrationInterface {
  name = 'ReferralProgrammes1795475339604';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "referral_programmes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "landing_url" text NOT NULL, "attribution_window_days" integer NOT NULL DEFAULT '30', "attribution_model" text NOT NULL DEFAULT 'last_click', "eligible_segments" text array NOT NULL DEFAULT '{}', "referrer_reward" jsonb NOT NULL, "friend_reward" jsonb, "min_purchase_minor" integer NOT NULL DEFAULT '0', "currency" text NOT NULL DEFAULT 'USD', "hold_days" integer NOT NULL DEFAULT '30', "fraud_rules" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "referral_programmes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "referral_programmes_slug_key" ON "referral_programmes" ("slug") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX "public"."referral_programmes_slug_key"`,
    );
    await queryRunner.query(`DROP TABLE "referral_programmes"`);
  }
}
