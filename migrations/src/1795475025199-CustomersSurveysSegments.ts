import { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomersSurveysSegments1795475025199
  implements MigrationInterface
{
  name = 'CustomersSurveysSegments1795475025199';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "filename" text NOT NULL, "storage_path" text NOT NULL, "size_bytes" bigint NOT NULL, "status" text NOT NULL DEFAULT 'queued', "processed_rows" integer NOT NULL DEFAULT '0', "inserted_rows" integer NOT NULL DEFAULT '0', "duplicate_rows" integer NOT NULL DEFAULT '0', "error_rows" integer NOT NULL DEFAULT '0', "failure_reason" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "customer_segments" ("customer_id" uuid NOT NULL, "segment_key" text NOT NULL, "nps_category" text NOT NULL, "last_score" smallint, "advocacy_level" text NOT NULL, "loyalty" text NOT NULL, "churn_risk" boolean NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_baf82ba9b51e817d27f974ece0f" PRIMARY KEY ("customer_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "customer_segments_key_idx" ON "customer_segments"  ("segment_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "segment_changes" ("id" BIGSERIAL NOT NULL, "customer_id" uuid NOT NULL, "from_segment_key" text, "to_segment_key" text NOT NULL, "from_nps_category" text, "to_nps_category" text NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_839f8d3f8111e116d94527fdd81" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "segment_changes_at_idx" ON "segment_changes"  ("changed_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "segment_changes_customer_idx" ON "segment_changes"  ("customer_id", "changed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "segment_rule_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid, "rules" jsonb NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf4f5a9c67aabc7f69ce802fb92" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "segment_rule_sets_programme_key" ON "segment_rule_sets"  ("programme_id") WHERE programme_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "name" text NOT NULL, "question" text NOT NULL, "follow_up_promoter" text, "follow_up_passive" text, "follow_up_detractor" text, "wave" integer NOT NULL DEFAULT '1', "throttle_days" integer NOT NULL DEFAULT '90', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b5e3d4aaeb2321ffa98498c971" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "survey_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "kind" text NOT NULL, "score" smallint NOT NULL, "comment" text, "channel" text NOT NULL, "wave" integer, "responded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_349995c51959d139d8e485a58ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "survey_responses_external_id_key" ON "survey_responses"  ("external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "survey_responses_natural_key" ON "survey_responses"  ("survey_id", "customer_id", "responded_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "survey_responses_at_idx" ON "survey_responses"  ("responded_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "survey_responses_customer_at_idx" ON "survey_responses"  ("customer_id", "responded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "import_row_errors" ("id" BIGSERIAL NOT NULL, "import_id" uuid NOT NULL, "row_number" integer NOT NULL, "column_name" text NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_8a45918af12a5335e72f357268d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "import_row_errors_job_idx" ON "import_row_errors"  ("import_id", "row_number") `,
    );
    await queryRunner.query(
      `ALTER TABLE "customers" ADD "last_advocacy_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "customers" ADD "ambassador_since" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "customer_segments" ADD CONSTRAINT "customer_segments_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_fkey" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_customer_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_survey_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "customer_segments" DROP CONSTRAINT "customer_segments_customer_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "customers" DROP COLUMN "ambassador_since"`,
    );
    await queryRunner.query(
      `ALTER TABLE "customers" DROP COLUMN "last_advocacy_at"`,
    );
    await queryRunner.query(`DROP INDEX "public"."import_row_errors_job_idx"`);
    await queryRunner.query(`DROP TABLE "import_row_errors"`);
    await queryRunner.query(
      `DROP INDEX "public"."survey_responses_customer_at_idx"`,
    );
    await queryRunner.query(`DROP INDEX "public"."survey_responses_at_idx"`);
    await queryRunner.query(
      `DROP INDEX "public"."survey_responses_natural_key"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."survey_responses_external_id_key"`,
    );
    await queryRunner.query(`DROP TABLE "survey_responses"`);
    await queryRunner.query(`DROP TABLE "surveys"`);
    await queryRunner.query(
      `DROP INDEX "public"."segment_rule_sets_programme_key"`,
    );
    await queryRunner.query(`DROP TABLE "segment_rule_sets"`);
    await queryRunner.query(
      `DROP INDEX "public"."segment_changes_customer_idx"`,
    );
    await queryRunner.query(`DROP INDEX "public"."segment_changes_at_idx"`);
    await queryRunner.query(`DROP TABLE "segment_changes"`);
    await queryRunner.query(`DROP INDEX "public"."customer_segments_key_idx"`);
    await queryRunner.query(`DROP TABLE "customer_segments"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
  }
}
