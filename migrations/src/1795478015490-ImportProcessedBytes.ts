import { MigrationInterface, QueryRunner } from 'typeorm';

/** How far the worker has read an import's file, so the portal can show a determinate progress bar. */
export class ImportProcessedBytes1795478015490 implements MigrationInterface {
  name = 'ImportProcessedBytes1795478015490';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "import_jobs" ADD "processed_bytes" bigint NOT NULL DEFAULT '0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "import_jobs" DROP COLUMN "processed_bytes"`,
    );
  }
}
