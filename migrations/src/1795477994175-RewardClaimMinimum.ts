import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-programme reward settings, starting with the smallest money balance an advocate may claim. */
export class RewardClaimMinimum1795477994175 implements MigrationInterface {
  name = 'RewardClaimMinimum1795477994175';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reward_programme_settings" ("programme_id" uuid NOT NULL, "min_claim_minor" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reward_programme_settings_pkey" PRIMARY KEY ("programme_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "reward_programme_settings" ADD CONSTRAINT "reward_programme_settings_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "referral_programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reward_programme_settings"`);
  }
}
