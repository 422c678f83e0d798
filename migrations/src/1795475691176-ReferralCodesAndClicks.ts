import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralCodesAndClicks1795475691176 implements MigrationInterface {
  name = 'ReferralCodesAndClicks1795475691176';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "referral_click_daily" ("code_id" uuid NOT NULL, "day" date NOT NULL, "programme_id" uuid NOT NULL, "clicks" integer NOT NULL DEFAULT '0', "unique_clicks" integer NOT NULL DEFAULT '0', "bot_clicks" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e167e65326f7232714dad7ba86c" PRIMARY KEY ("code_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_clicks" ("id" BIGSERIAL NOT NULL, "click_id" uuid NOT NULL, "code_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "ip_hash" text NOT NULL, "user_agent" text NOT NULL, "referrer" text, "is_bot" boolean NOT NULL, "is_unique" boolean NOT NULL, CONSTRAINT "PK_3253edfd59fa81bd5f465401794" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "referral_clicks_click_id_key" ON "referral_clicks"  ("click_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_clicks_code_at_idx" ON "referral_clicks"  ("code_id", "at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "programme_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "is_vanity" boolean NOT NULL DEFAULT false, "segment_snapshot" jsonb NOT NULL, "segment_key" text NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_99f08e2ed9d39d8ce902f5f1f41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "referral_codes_code_key" ON "referral_codes"  ("code")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "referral_codes_default_key" ON "referral_codes"  ("programme_id", "customer_id") WHERE is_vanity = false`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_codes" ADD CONSTRAINT "referral_codes_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "referral_programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_codes" ADD CONSTRAINT "referral_codes_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referral_codes_default_key"`);
    await queryRunner.query(`DROP INDEX "public"."referral_codes_code_key"`);
    await queryRunner.query(
      `DROP INDEX "public"."referral_clicks_code_at_idx"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."referral_clicks_click_id_key"`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_codes" DROP CONSTRAINT "referral_codes_customer_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_codes" DROP CONSTRAINT "referral_codes_programme_id_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "referral_codes"`);
    await queryRunner.query(`DROP TABLE "referral_clicks"`);
    await queryRunner.query(`DROP TABLE "referral_click_daily"`);
  }
}
