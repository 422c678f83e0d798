import { MigrationInterface, QueryRunner } from 'typeorm';

/** Public ambassador applicants confirm their email by a link before review or auto-approval. */
export class ApplicationEmailConfirmation1795485000000
  implements MigrationInterface
{
  name = 'ApplicationEmailConfirmation1795485000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" ADD "email_confirmed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" ADD "email_token_hash" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" ADD "email_token_sent_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ambassador_applications_email_token_key" ON "ambassador_applications" ("email_token_hash") WHERE email_token_hash IS NOT NULL`,
    );
    // Signed-in applicants proved their address by signing in.
    await queryRunner.query(
      `UPDATE "ambassador_applications" SET "email_confirmed_at" = coalesce("submitted_at", "created_at") WHERE "channel" = 'portal'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_applications_email_token_key"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" DROP COLUMN "email_token_sent_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" DROP COLUMN "email_token_hash"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" DROP COLUMN "email_confirmed_at"`,
    );
  }
}
