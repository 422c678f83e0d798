import { MigrationInterface, QueryRunner } from 'typeorm';

/** Segment-tailored outreach: templates, sends, one message row per recipient, and tracked clicks. */
export class Outreach1795482000000 implements MigrationInterface {
  name = 'Outreach1795482000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outreach_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "purpose" text NOT NULL, "audience" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "outreach_templates_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outreach_sends" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "template_name" text NOT NULL, "purpose" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "audience" jsonb NOT NULL, "programme_id" uuid, "survey_id" uuid, "status" text NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "recipient_count" integer NOT NULL DEFAULT '0', "sent_count" integer NOT NULL DEFAULT '0', "failed_count" integer NOT NULL DEFAULT '0', "skipped_count" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "outreach_sends_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outreach_sends_created_idx" ON "outreach_sends" ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "outreach_sends_due_idx" ON "outreach_sends" ("status", "scheduled_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outreach_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "send_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "email" text NOT NULL, "nps_category" text NOT NULL, "segment_key" text, "status" text NOT NULL, "reason" text, "token" text NOT NULL, "referral_code" text, "attempts" integer NOT NULL DEFAULT '0', "claimed_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "smtp_message_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "outreach_messages_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outreach_messages_token_key" ON "outreach_messages" ("token") `,
    );
    await queryRunner.query(
      `CREATE INDEX "outreach_messages_throttle_idx" ON "outreach_messages" ("customer_id", "claimed_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "outreach_messages_send_status_idx" ON "outreach_messages" ("send_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outreach_messages_recipient_key" ON "outreach_messages" ("send_id", "customer_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outreach_clicks" ("id" BIGSERIAL NOT NULL, "message_id" uuid NOT NULL, "send_id" uuid NOT NULL, "clicked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "outreach_clicks_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outreach_clicks_message_idx" ON "outreach_clicks" ("message_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "outreach_clicks_send_idx" ON "outreach_clicks" ("send_id", "clicked_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_sends" ADD CONSTRAINT "outreach_sends_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "outreach_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_messages" ADD CONSTRAINT "outreach_messages_send_id_fkey" FOREIGN KEY ("send_id") REFERENCES "outreach_sends"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_messages" ADD CONSTRAINT "outreach_messages_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outreach_clicks" ADD CONSTRAINT "outreach_clicks_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "outreach_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outreach_clicks"`);
    await queryRunner.query(`DROP TABLE "outreach_messages"`);
    await queryRunner.query(`DROP TABLE "outreach_sends"`);
    await queryRunner.query(`DROP TABLE "outreach_templates"`);
  }
}
