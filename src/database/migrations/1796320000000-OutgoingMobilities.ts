import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The student's answer to an approved place (`confirmed` keeps it, `declined` frees it, before a
 * deadline set on approval) and the outgoing mobilities a confirmation creates (EWP omobilities),
 * with their history.
 */
export class OutgoingMobilities1796320000000 implements MigrationInterface {
  name = 'OutgoingMobilities1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "applications" ADD "confirmation_deadline" TIMESTAMP(3) WITH TIME ZONE, ADD "confirmed_at" TIMESTAMP(3) WITH TIME ZONE, ADD "declined_at" TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_status_known"`);
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_status_known" CHECK (status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn', 'confirmed', 'declined'))`,
    );
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_placed_iff_approved"`);
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_placed_iff_holding" CHECK ((status IN ('approved', 'confirmed')) = (placed_programme_id IS NOT NULL))`,
    );
    await queryRunner.query(`DROP INDEX "applications_one_live_per_term"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "applications_one_live_per_term" ON "applications" ("student_id", "academic_year", "term") WHERE status NOT IN ('rejected', 'withdrawn', 'declined')`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_events" DROP CONSTRAINT "application_events_statuses_known"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_events" ADD CONSTRAINT "application_events_statuses_known" CHECK (to_status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn', 'confirmed', 'declined') AND (from_status IS NULL OR from_status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn', 'confirmed', 'declined')))`,
    );

    await queryRunner.query(
      `CREATE TABLE "outgoing_mobilities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `"application_id" uuid NOT NULL, "student_id" uuid NOT NULL, "programme_id" uuid NOT NULL, "sending_institution_id" uuid NOT NULL, "sending_faculty_id" uuid, "receiving_institution_id" uuid NOT NULL, "receiving_faculty_id" uuid, "agreement_id" uuid, ` +
        `"first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "email" character varying(254) NOT NULL, "global_id" character varying(300) NOT NULL, "birth_date" date, "citizenship" character(2), ` +
        `"academic_year" character(9) NOT NULL, "term" character varying(10) NOT NULL, "planned_arrival" date NOT NULL, "planned_departure" date NOT NULL, "actual_arrival" date, "actual_departure" date, ` +
        `"eqf_level" smallint, "subject_area" character varying(4), "language" character varying(2), "cefr_level" character varying(2), ` +
        `"status" character varying(20) NOT NULL DEFAULT 'nomination', "verification_status" character varying(20) NOT NULL DEFAULT 'pending', "verification_comment" text, "verified_at" TIMESTAMP(3) WITH TIME ZONE, ` +
        `CONSTRAINT "outgoing_status_known" CHECK (status IN ('nomination', 'live', 'recognized', 'cancelled')), ` +
        `CONSTRAINT "outgoing_verification_known" CHECK (verification_status IN ('pending', 'verified', 'rejected')), ` +
        `CONSTRAINT "outgoing_rejection_commented" CHECK (verification_status <> 'rejected' OR verification_comment IS NOT NULL), ` +
        `CONSTRAINT "outgoing_term_known" CHECK (term IN ('autumn', 'spring', 'full-year')), ` +
        `CONSTRAINT "outgoing_eqf_level_known" CHECK (eqf_level IS NULL OR eqf_level IN (6, 7, 8)), ` +
        `CONSTRAINT "outgoing_subject_area_format" CHECK (subject_area IS NULL OR subject_area ~ '^[0-9]{4}$'), ` +
        `CONSTRAINT "outgoing_citizenship_format" CHECK (citizenship IS NULL OR citizenship ~ '^[A-Z]{2}$'), ` +
        `CONSTRAINT "outgoing_cefr_level_known" CHECK (cefr_level IS NULL OR cefr_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')), ` +
        `CONSTRAINT "outgoing_planned_dates_ordered" CHECK (planned_arrival < planned_departure), ` +
        `CONSTRAINT "outgoing_actual_dates_match_status" CHECK ((status = 'nomination' AND actual_arrival IS NULL AND actual_departure IS NULL) OR (status = 'live' AND actual_arrival IS NOT NULL AND actual_departure IS NULL) OR (status = 'recognized' AND actual_arrival IS NOT NULL AND actual_departure >= actual_arrival) OR (status = 'cancelled' AND actual_departure IS NULL)), ` +
        `CONSTRAINT "PK_outgoing_mobilities" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outgoing_application_unique" ON "outgoing_mobilities" ("application_id")`,
    );
    await queryRunner.query(`CREATE INDEX "outgoing_student_idx" ON "outgoing_mobilities" ("student_id")`);
    await queryRunner.query(
      `CREATE INDEX "outgoing_programme_idx" ON "outgoing_mobilities" ("programme_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "outgoing_receiving_institution_idx" ON "outgoing_mobilities" ("receiving_institution_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "outgoing_created_idx" ON "outgoing_mobilities" ("created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "outgoing_status_created_idx" ON "outgoing_mobilities" ("status", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "outgoing_year_term_idx" ON "outgoing_mobilities" ("academic_year", "term")`,
    );
    // `q` searches the names, email and global id, accents and case ignored.
    await queryRunner.query(
      `CREATE INDEX "outgoing_search_idx" ON "outgoing_mobilities" USING gin (portal_unaccent(lower(first_name || ' ' || last_name || ' ' || email || ' ' || global_id)) gin_trgm_ops)`,
    );
    for (const [column, target, name] of [
      ['application_id', 'applications', 'outgoing_application_fk'],
      ['student_id', 'users', 'outgoing_student_fk'],
      ['programme_id', 'programmes', 'outgoing_programme_fk'],
      ['sending_institution_id', 'institutions', 'outgoing_sending_institution_fk'],
      ['sending_faculty_id', 'faculties', 'outgoing_sending_faculty_fk'],
      ['receiving_institution_id', 'institutions', 'outgoing_receiving_institution_fk'],
      ['receiving_faculty_id', 'faculties', 'outgoing_receiving_faculty_fk'],
      ['agreement_id', 'agreements', 'outgoing_agreement_fk'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "outgoing_mobilities" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    }

    await queryRunner.query(
      `CREATE TABLE "outgoing_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "mobility_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "comment" text, "date" date, "verification" character varying(20), "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "outgoing_events_statuses_known" CHECK (to_status IN ('nomination', 'live', 'recognized', 'cancelled') AND (from_status IS NULL OR from_status IN ('nomination', 'live', 'recognized', 'cancelled'))), ` +
        `CONSTRAINT "outgoing_events_verification_known" CHECK (verification IS NULL OR verification IN ('pending', 'verified', 'rejected')), ` +
        `CONSTRAINT "PK_outgoing_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outgoing_events_timeline_idx" ON "outgoing_events" ("mobility_id", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "outgoing_events_actor_idx" ON "outgoing_events" ("actor_id")`);
    await queryRunner.query(
      `ALTER TABLE "outgoing_events" ADD CONSTRAINT "outgoing_events_mobility_fk" FOREIGN KEY ("mobility_id") REFERENCES "outgoing_mobilities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outgoing_events" ADD CONSTRAINT "outgoing_events_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outgoing_events"`);
    await queryRunner.query(`DROP TABLE "outgoing_mobilities"`);
    await queryRunner.query(
      `ALTER TABLE "application_events" DROP CONSTRAINT "application_events_statuses_known"`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_events" ADD CONSTRAINT "application_events_statuses_known" CHECK (to_status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn') AND (from_status IS NULL OR from_status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn')))`,
    );
    await queryRunner.query(`DROP INDEX "applications_one_live_per_term"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "applications_one_live_per_term" ON "applications" ("student_id", "academic_year", "term") WHERE status NOT IN ('rejected', 'withdrawn')`,
    );
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_placed_iff_holding"`);
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_placed_iff_approved" CHECK ((status = 'approved') = (placed_programme_id IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "applications_status_known"`);
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_status_known" CHECK (status IN ('draft', 'submitted', 'approved', 'waitlisted', 'rejected', 'withdrawn'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" DROP COLUMN "confirmation_deadline", DROP COLUMN "confirmed_at", DROP COLUMN "declined_at"`,
    );
  }
}
