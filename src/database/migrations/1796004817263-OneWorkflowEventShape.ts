import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gives incoming_events the workflow event shape application_events already has (see
 * src/common/workflow.ts): an identity `id` (numbered in the order of the existing events),
 * `at` instead of `created_at`, no `updated_at`, the timeline index on (mobility_id, id), and the
 * CHECK named `<table>_statuses_known`. Every existing event is kept.
 */
export class OneWorkflowEventShape1796004817263 implements MigrationInterface {
  name = 'OneWorkflowEventShape1796004817263';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "incoming_events_mobility_idx"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" DROP CONSTRAINT "PK_81304c8d8f7922ec5c48385b751"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" RENAME COLUMN "id" TO "old_id"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" ADD "id" bigint`);
    await queryRunner.query(
      `UPDATE "incoming_events" e SET "id" = numbered.n
         FROM (SELECT "old_id", row_number() OVER (ORDER BY "created_at", "old_id") AS n FROM "incoming_events") numbered
        WHERE numbered."old_id" = e."old_id"`,
    );
    await queryRunner.query(`ALTER TABLE "incoming_events" ALTER COLUMN "id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "incoming_events" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY`,
    );
    await queryRunner.query(
      `SELECT setval(pg_get_serial_sequence('"incoming_events"', 'id'), (SELECT coalesce(max("id"), 0) + 1 FROM "incoming_events"), false)`,
    );
    await queryRunner.query(
      `ALTER TABLE "incoming_events" ADD CONSTRAINT "PK_81304c8d8f7922ec5c48385b751" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(`ALTER TABLE "incoming_events" DROP COLUMN "old_id"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" RENAME COLUMN "created_at" TO "at"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" ALTER COLUMN "at" DROP DEFAULT`);
    await queryRunner.query(
      `CREATE INDEX "incoming_events_timeline_idx" ON "incoming_events" ("mobility_id", "id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "incoming_events" RENAME CONSTRAINT "incoming_events_status_known" TO "incoming_events_statuses_known"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "incoming_events_timeline_idx"`);
    await queryRunner.query(
      `ALTER TABLE "incoming_events" RENAME CONSTRAINT "incoming_events_statuses_known" TO "incoming_events_status_known"`,
    );
    await queryRunner.query(`ALTER TABLE "incoming_events" RENAME COLUMN "at" TO "created_at"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" ALTER COLUMN "created_at" SET DEFAULT now()`);
    await queryRunner.query(
      `ALTER TABLE "incoming_events" ADD "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`UPDATE "incoming_events" SET "updated_at" = "created_at"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" DROP CONSTRAINT "PK_81304c8d8f7922ec5c48385b751"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(
      `ALTER TABLE "incoming_events" ADD CONSTRAINT "PK_81304c8d8f7922ec5c48385b751" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_events_mobility_idx" ON "incoming_events" ("mobility_id", "created_at", "id")`,
    );
  }
}
