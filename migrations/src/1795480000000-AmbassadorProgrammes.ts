import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ambassador programmes (versioned forms, applications, perks, training, funnel) and in-portal notifications. */
export class AmbassadorProgrammes1795480000000 implements MigrationInterface {
  name = 'AmbassadorProgrammes1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ambassador_programmes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "description" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'draft', "capacity" integer, "waitlist_order" text NOT NULL DEFAULT 'first_come', "eligibility" jsonb NOT NULL, "auto_approve" jsonb NOT NULL, "reapply_cooldown_days" integer, "decision_templates" jsonb NOT NULL, "current_form_version_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_415c96cc6e9390ad653617f7a30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ambassador_programmes_slug_key" ON "ambassador_programmes"  ("slug") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_form_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "version" integer NOT NULL, "fields" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e161a25edae94ceb4261bce68f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ambassador_form_versions_programme_version_key" ON "ambassador_form_versions"  ("programme_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "form_version_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "state" text NOT NULL, "channel" text NOT NULL DEFAULT 'portal', "answers" jsonb NOT NULL DEFAULT '{}', "segment_snapshot" jsonb NOT NULL, "segment_key" text NOT NULL, "score" integer NOT NULL DEFAULT '0', "facts" jsonb NOT NULL, "reason_code" text, "decision_message" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "waitlisted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_156229720f5f2b74e4cf77da603" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ambassador_applications_customer_idx" ON "ambassador_applications"  ("customer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ambassador_applications_board_idx" ON "ambassador_applications"  ("programme_id", "state", "submitted_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ambassador_applications_open_key" ON "ambassador_applications"  ("programme_id", "customer_id") WHERE state IN ('draft', 'submitted', 'in_review', 'waitlisted')`,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_application_events" ("id" BIGSERIAL NOT NULL, "application_id" uuid NOT NULL, "kind" text NOT NULL, "from_state" text, "to_state" text, "actor_id" uuid, "actor_email" text, "body" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d727cd4afb879f6265ad35884d1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ambassador_application_events_application_idx" ON "ambassador_application_events"  ("application_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_funnel_events" ("id" BIGSERIAL NOT NULL, "programme_id" uuid NOT NULL, "stage" text NOT NULL, "visitor_id" text NOT NULL, "segment_key" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c12aaf1da8c3d1b821459581471" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ambassador_funnel_events_visitor_key" ON "ambassador_funnel_events"  ("programme_id", "stage", "visitor_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_perks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE, "ends_at" TIMESTAMP WITH TIME ZONE, "link" text, "reward" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb092938780662ef420182e1f02" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ambassador_perks_programme_idx" ON "ambassador_perks"  ("programme_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_perk_claims" ("perk_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "code" text, "reward_id" uuid, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d68d3fa2582c4cc275edd0d42b" PRIMARY KEY ("perk_id", "customer_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_perk_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "perk_id" uuid NOT NULL, "code" text NOT NULL, "customer_id" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3f398afd1c57d0c1dc61b860132" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ambassador_perk_codes_holder_key" ON "ambassador_perk_codes"  ("perk_id", "customer_id") WHERE customer_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ambassador_perk_codes_code_key" ON "ambassador_perk_codes"  ("perk_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_training_modules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "content" text NOT NULL DEFAULT '', "position" integer NOT NULL, "estimated_minutes" integer NOT NULL DEFAULT '5', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7d2f151a0e2273b28b139dc65e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ambassador_training_modules_programme_idx" ON "ambassador_training_modules"  ("programme_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ambassador_training_completions" ("module_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_015935a9e5bfce68d9e47a4c660" PRIMARY KEY ("module_id", "customer_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "customer_id" uuid, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "link" text, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_idx" ON "notifications"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_customer_idx" ON "notifications"  ("customer_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_form_versions" ADD CONSTRAINT "ambassador_form_versions_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "ambassador_programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" ADD CONSTRAINT "ambassador_applications_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "ambassador_programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" ADD CONSTRAINT "ambassador_applications_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "ambassador_form_versions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" ADD CONSTRAINT "ambassador_applications_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_application_events" ADD CONSTRAINT "ambassador_application_events_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "ambassador_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_funnel_events" ADD CONSTRAINT "ambassador_funnel_events_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "ambassador_programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_perks" ADD CONSTRAINT "ambassador_perks_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "ambassador_programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_perk_claims" ADD CONSTRAINT "ambassador_perk_claims_perk_id_fkey" FOREIGN KEY ("perk_id") REFERENCES "ambassador_perks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_perk_codes" ADD CONSTRAINT "ambassador_perk_codes_perk_id_fkey" FOREIGN KEY ("perk_id") REFERENCES "ambassador_perks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_training_modules" ADD CONSTRAINT "ambassador_training_modules_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "ambassador_programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_training_completions" ADD CONSTRAINT "ambassador_training_completions_module_id_fkey" FOREIGN KEY ("module_id") REFERENCES "ambassador_training_modules"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "notifications_customer_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "notifications_user_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_training_completions" DROP CONSTRAINT "ambassador_training_completions_module_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_training_modules" DROP CONSTRAINT "ambassador_training_modules_programme_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_perk_codes" DROP CONSTRAINT "ambassador_perk_codes_perk_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_perk_claims" DROP CONSTRAINT "ambassador_perk_claims_perk_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_perks" DROP CONSTRAINT "ambassador_perks_programme_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_funnel_events" DROP CONSTRAINT "ambassador_funnel_events_programme_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_application_events" DROP CONSTRAINT "ambassador_application_events_application_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" DROP CONSTRAINT "ambassador_applications_customer_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" DROP CONSTRAINT "ambassador_applications_form_version_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_applications" DROP CONSTRAINT "ambassador_applications_programme_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ambassador_form_versions" DROP CONSTRAINT "ambassador_form_versions_programme_id_fkey"`,
    );
    await queryRunner.query(`DROP INDEX "public"."notifications_customer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "ambassador_training_completions"`);
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_training_modules_programme_idx"`,
    );
    await queryRunner.query(`DROP TABLE "ambassador_training_modules"`);
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_perk_codes_code_key"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_perk_codes_holder_key"`,
    );
    await queryRunner.query(`DROP TABLE "ambassador_perk_codes"`);
    await queryRunner.query(`DROP TABLE "ambassador_perk_claims"`);
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_perks_programme_idx"`,
    );
    await queryRunner.query(`DROP TABLE "ambassador_perks"`);
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_funnel_events_visitor_key"`,
    );
    await queryRunner.query(`DROP TABLE "ambassador_funnel_events"`);
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_application_events_application_idx"`,
    );
    await queryRunner.query(`DROP TABLE "ambassador_application_events"`);
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_applications_open_key"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_applications_board_idx"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_applications_customer_idx"`,
    );
    await queryRunner.query(`DROP TABLE "ambassador_applications"`);
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_form_versions_programme_version_key"`,
    );
    await queryRunner.query(`DROP TABLE "ambassador_form_versions"`);
    await queryRunner.query(
      `DROP INDEX "public"."ambassador_programmes_slug_key"`,
    );
    await queryRunner.query(`DROP TABLE "ambassador_programmes"`);
  }
}
