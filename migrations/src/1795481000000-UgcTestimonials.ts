import { MigrationInterface, QueryRunner } from 'typeorm';

/** UGC campaigns, submissions with consent and images, and curated showcases. */
export class UgcTestimonials1795481000000 implements MigrationInterface {
  name = 'UgcTestimonials1795481000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ugc_campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "guidelines" text NOT NULL, "prompts" text array NOT NULL DEFAULT '{}', "hashtags" text array NOT NULL DEFAULT '{}', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "eligible_segments" text array NOT NULL DEFAULT '{}', "reward" jsonb, "status" text NOT NULL DEFAULT 'draft', "public_token" text NOT NULL, "public_link_enabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ugc_campaigns_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ugc_campaigns_public_token_key" ON "ugc_campaigns" ("public_token") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ugc_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "customer_id" uuid, "source" text NOT NULL, "submitter_name" text NOT NULL, "submitter_email" text NOT NULL, "text" text, "rating" smallint, "video_url" text, "social_url" text, "media_type" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "rejection_reason" text, "featured" boolean NOT NULL DEFAULT false, "tags" text array NOT NULL DEFAULT '{}', "excerpt_start" integer, "excerpt_end" integer, "disclosure" text, "segment_snapshot" jsonb NOT NULL, "segment_key" text NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ugc_submissions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ugc_submissions_campaign_idx" ON "ugc_submissions" ("campaign_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ugc_submissions_customer_idx" ON "ugc_submissions" ("customer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ugc_submissions_queue_idx" ON "ugc_submissions" ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ugc_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "scope_website" boolean NOT NULL DEFAULT false, "scope_social" boolean NOT NULL DEFAULT false, "scope_ads" boolean NOT NULL DEFAULT false, "display_name" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ugc_consents_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ugc_consents_submission_key" ON "ugc_consents" ("submission_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ugc_media" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submission_id" uuid NOT NULL, "position" integer NOT NULL, "storage_key" text NOT NULL, "thumb_key" text NOT NULL, "content_type" text NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "bytes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ugc_media_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ugc_media_submission_idx" ON "ugc_media" ("submission_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ugc_showcases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "slug" text NOT NULL, "description" text NOT NULL DEFAULT '', "scope" text NOT NULL DEFAULT 'website', "published" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ugc_showcases_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ugc_showcases_slug_key" ON "ugc_showcases" ("slug") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ugc_showcase_items" ("showcase_id" uuid NOT NULL, "submission_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "ugc_showcase_items_pkey" PRIMARY KEY ("showcase_id", "submission_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_submissions" ADD CONSTRAINT "ugc_submissions_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "ugc_campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_submissions" ADD CONSTRAINT "ugc_submissions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_consents" ADD CONSTRAINT "ugc_consents_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "ugc_submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_media" ADD CONSTRAINT "ugc_media_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "ugc_submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_showcase_items" ADD CONSTRAINT "ugc_showcase_items_showcase_id_fkey" FOREIGN KEY ("showcase_id") REFERENCES "ugc_showcases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_showcase_items" ADD CONSTRAINT "ugc_showcase_items_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "ugc_submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ugc_showcase_items" DROP CONSTRAINT "ugc_showcase_items_submission_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_showcase_items" DROP CONSTRAINT "ugc_showcase_items_showcase_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_media" DROP CONSTRAINT "ugc_media_submission_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_consents" DROP CONSTRAINT "ugc_consents_submission_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_submissions" DROP CONSTRAINT "ugc_submissions_customer_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ugc_submissions" DROP CONSTRAINT "ugc_submissions_campaign_id_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "ugc_showcase_items"`);
    await queryRunner.query(`DROP INDEX "public"."ugc_showcases_slug_key"`);
    await queryRunner.query(`DROP TABLE "ugc_showcases"`);
    await queryRunner.query(`DROP INDEX "public"."ugc_media_submission_idx"`);
    await queryRunner.query(`DROP TABLE "ugc_media"`);
    await queryRunner.query(
      `DROP INDEX "public"."ugc_consents_submission_key"`,
    );
    await queryRunner.query(`DROP TABLE "ugc_consents"`);
    await queryRunner.query(`DROP INDEX "public"."ugc_submissions_queue_idx"`);
    await queryRunner.query(
      `DROP INDEX "public"."ugc_submissions_customer_idx"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."ugc_submissions_campaign_idx"`,
    );
    await queryRunner.query(`DROP TABLE "ugc_submissions"`);
    await queryRunner.query(
      `DROP INDEX "public"."ugc_campaigns_public_token_key"`,
    );
    await queryRunner.query(`DROP TABLE "ugc_campaigns"`);
  }
}
