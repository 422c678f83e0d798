import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Brand events become an inbox: stored and acknowledged first, processed afterwards in order per
 * lane. Events already processed keep their answer as the result and are marked processed.
 */
export class EventInbox1795484000000 implements MigrationInterface {
  name = 'EventInbox1795484000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "payload" jsonb`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "state" text NOT NULL DEFAULT 'received'`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "lane" smallint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "seq" BIGSERIAL NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "referral_events" ADD "result" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "attempts" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "last_error" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "processed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "referral_events" SET "state" = 'processed', "result" = "response_body", "processed_at" = "created_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" DROP COLUMN "response_status"`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" DROP COLUMN "response_body"`,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_events_backlog" ON "referral_events"  ("lane", "seq") WHERE "state" = 'received'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referral_events_backlog"`);
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "response_status" integer NOT NULL DEFAULT 200`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ADD "response_body" jsonb NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `UPDATE "referral_events" SET "response_body" = "result" WHERE "result" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_events" ALTER COLUMN "response_status" DROP DEFAULT, ALTER COLUMN "response_body" DROP DEFAULT`,
    );
    for (const column of [
      'processed_at',
      'next_attempt_at',
      'last_error',
      'attempts',
      'result',
      'seq',
      'lane',
      'state',
      'payload',
    ])
      await queryRunner.query(
        `ALTER TABLE "referral_events" DROP COLUMN "${column}"`,
      );
  }
}
