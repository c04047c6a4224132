import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApplications1795804080643 implements MigrationInterface {
  name = 'CreateApplications1795804080643';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "student_id" uuid NOT NULL, "academic_year" character(9) NOT NULL, "term" character varying(10) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "motivation" text, "grade_average" numeric(4,2), "language_skills" jsonb NOT NULL DEFAULT '[]', "placed_programme_id" uuid, "decision_comment" text, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "decided_at" TIMESTAMP(3) WITH TIME ZONE, "withdrawn_at" TIMESTAMP(3) WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "applications_term_known" CHECK (term IN ('autumn', 'spring', 'full-year')), CONSTRAINT "applications_motivation_length" CHECK (char_length(motivation) <= 5000), CONSTRAINT "applications_grade_average_range" CHECK (grade_average BETWEEN 0 AND 20), CONSTRAINT "applications_submitted_at_set" CHECK (status IN ('draft', 'withdrawn') OR submitted_at IS NOT NULL), CONSTRAINT "applications_rejection_commented" CHECK (status <> 'rejected' OR decision_comment IS NOT NULL), CONSTRAINT "applications_placed_iff_approved" CHECK ((status = 'approved') = (placed_programme_id IS NOT NULL)), CONSTRAINT "applications_status_known" CHECK (status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn')), CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "applications_placed_programme_idx" ON "applications"  ("placed_programme_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "applications_status_queue_idx" ON "applications"  ("status", "submitted_at", "id") WHERE submitted_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "applications_queue_idx" ON "applications"  ("submitted_at", "id") WHERE submitted_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "applications_student_created_idx" ON "applications"  ("student_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "applications_one_live_per_term" ON "applications"  ("student_id", "academic_year", "term") WHERE status NOT IN ('rejected', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "application_choices" ("application_id" uuid NOT NULL, "rank" smallint NOT NULL, "programme_id" uuid NOT NULL, CONSTRAINT "application_choices_rank_range" CHECK (rank BETWEEN 1 AND 3), CONSTRAINT "PK_3ecdc5e38620f5ac6e6b0204544" PRIMARY KEY ("application_id", "rank"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_choices_programme_idx" ON "application_choices"  ("programme_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "application_choices_programme_unique" ON "application_choices"  ("application_id", "programme_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "application_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "application_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "comment" text, "programme_id" uuid, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "application_events_statuses_known" CHECK (to_status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn') AND (from_status IS NULL OR from_status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn'))), CONSTRAINT "PK_fd185969787381d8bf8c529bc00" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "application_events_actor_idx" ON "application_events"  ("actor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "application_events_programme_idx" ON "application_events"  ("programme_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "application_events_timeline_idx" ON "application_events"  ("application_id", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_student_fk" FOREIGN KEY ("student_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_placed_programme_fk" FOREIGN KEY ("placed_programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_choices" ADD CONSTRAINT "application_choices_application_fk" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_choices" ADD CONSTRAINT "application_choices_programme_fk" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_fk" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_events" ADD CONSTRAINT "application_events_programme_fk" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "application_events" DROP CONSTRAINT "application_events_programme_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "application_events" DROP CONSTRAINT "application_events_actor_fk"`);
    await queryRunner.query(
      `ALTER TABLE "application_events" DROP CONSTRAINT "application_events_application_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_choices" DROP CONSTRAINT "application_choices_programme_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_choices" DROP CONSTRAINT "application_choices_application_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_placed_programme_fk"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_student_fk"`);
    await queryRunner.query(`DROP INDEX "public"."application_events_timeline_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_events_programme_idx"`);
    await queryRunner.query(`DROP INDEX "public"."application_events_actor_idx"`);
    await queryRunner.query(`DROP TABLE "application_events"`);
    await queryRunner.query(`DROP INDEX "public"."application_choices_programme_unique"`);
    await queryRunner.query(`DROP INDEX "public"."application_choices_programme_idx"`);
    await queryRunner.query(`DROP TABLE "application_choices"`);
    await queryRunner.query(`DROP INDEX "public"."applications_one_live_per_term"`);
    await queryRunner.query(`DROP INDEX "public"."applications_student_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."applications_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."applications_status_queue_idx"`);
    await queryRunner.query(`DROP INDEX "public"."applications_placed_programme_idx"`);
    await queryRunner.query(`DROP TABLE "applications"`);
  }
}
