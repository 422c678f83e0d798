import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outgoing webhooks (endpoints, outbox events, deliveries, attempts) and follow-up cases for detractors. */
export class WebhooksAndCases1795483000000 implements MigrationInterface {
  name = 'WebhooksAndCases1795483000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "followup_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "response_id" uuid NOT NULL, "reason" text NOT NULL, "score" smallint NOT NULL, "previous_score" smallint, "owner_id" uuid, "state" text NOT NULL DEFAULT 'open', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "contacted_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "followup_cases_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "followup_cases_response_key" ON "followup_cases" ("response_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "followup_cases_active_customer_key" ON "followup_cases" ("customer_id") WHERE state IN ('open', 'contacted')`,
    );
    await queryRunner.query(
      `CREATE INDEX "followup_cases_owner_idx" ON "followup_cases" ("owner_id", "state") `,
    );
    await queryRunner.query(
      `CREATE INDEX "followup_cases_state_due_idx" ON "followup_cases" ("state", "due_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "followup_case_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "followup_case_notes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "followup_case_notes_case_idx" ON "followup_case_notes" ("case_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "followup_case_transitions" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "from_state" text, "to_state" text NOT NULL, "actor_id" uuid, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "followup_case_transitions_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "followup_case_transitions_case_idx" ON "followup_case_transitions" ("case_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text NOT NULL, "description" text NOT NULL DEFAULT '', "events" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "secret" text NOT NULL, "previous_secret" text, "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "data" jsonb NOT NULL, "endpoint_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_events_undispatched_idx" ON "webhook_events" ("created_at") WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "endpoint_id" uuid NOT NULL, "state" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" text, "replay_of" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "webhook_deliveries_event_endpoint_key" ON "webhook_deliveries" ("event_id", "endpoint_id") WHERE replay_of IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" ("endpoint_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_attempts" ("id" BIGSERIAL NOT NULL, "delivery_id" uuid NOT NULL, "attempt" integer NOT NULL, "status_code" integer, "duration_ms" integer NOT NULL, "error" text, "response_excerpt" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" ("delivery_id", "attempt") `,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_cases" ADD CONSTRAINT "followup_cases_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_cases" ADD CONSTRAINT "followup_cases_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "survey_responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_cases" ADD CONSTRAINT "followup_cases_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_case_notes" ADD CONSTRAINT "followup_case_notes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "followup_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_case_transitions" ADD CONSTRAINT "followup_case_transitions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "followup_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhook_attempts" DROP CONSTRAINT "webhook_attempts_delivery_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_endpoint_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_event_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_case_transitions" DROP CONSTRAINT "followup_case_transitions_case_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_case_notes" DROP CONSTRAINT "followup_case_notes_case_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_cases" DROP CONSTRAINT "followup_cases_owner_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_cases" DROP CONSTRAINT "followup_cases_response_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "followup_cases" DROP CONSTRAINT "followup_cases_customer_id_fkey"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."webhook_attempts_delivery_idx"`,
    );
    await queryRunner.query(`DROP TABLE "webhook_attempts"`);
    await queryRunner.query(
      `DROP INDEX "public"."webhook_deliveries_endpoint_idx"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."webhook_deliveries_event_endpoint_key"`,
    );
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(
      `DROP INDEX "public"."webhook_events_undispatched_idx"`,
    );
    await queryRunner.query(`DROP TABLE "webhook_events"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
    await queryRunner.query(
      `DROP INDEX "public"."followup_case_transitions_case_idx"`,
    );
    await queryRunner.query(`DROP TABLE "followup_case_transitions"`);
    await queryRunner.query(
      `DROP INDEX "public"."followup_case_notes_case_idx"`,
    );
    await queryRunner.query(`DROP TABLE "followup_case_notes"`);
    await queryRunner.query(
      `DROP INDEX "public"."followup_cases_state_due_idx"`,
    );
    await queryRunner.query(`DROP INDEX "public"."followup_cases_owner_idx"`);
    await queryRunner.query(
      `DROP INDEX "public"."followup_cases_active_customer_key"`,
    );
    await queryRunner.query(
      `DROP INDEX "public"."followup_cases_response_key"`,
    );
    await queryRunner.query(`DROP TABLE "followup_cases"`);
  }
}
