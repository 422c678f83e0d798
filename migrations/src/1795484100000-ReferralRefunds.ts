import { MigrationInterface, QueryRunner } from 'typeorm';

/** Refunds of referred orders, after the hold too, feed the refund-rate quality of reward tiers. */
export class ReferralRefunds1795484100000 implements MigrationInterface {
  name = 'ReferralRefunds1795484100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD "refunded_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "referrals" SET "refunded_at" = "reversed_at" WHERE "reason_code" = 'refunded' AND "qualified_at" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "referrals" DROP COLUMN "refunded_at"`,
    );
  }
}
