import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIncomingMobilities1795803968185 implements MigrationInterface {
  name = 'CreateIncomingMobilities1795803968185';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "incoming_mobilities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "email" character varying(254) NOT NULL, "home_institution_id" uuid NOT NULL, "host_faculty_id" uuid NOT NULL, "agreement_id" uuid, "academic_year" character(9) NOT NULL, "term" character varying(10) NOT NULL, "planned_arrival" date NOT NULL, "planned_departure" date NOT NULL, "actual_arrival" date, "actual_departure" date, "status" character varying(20) NOT NULL DEFAULT 'nominated', "notes" text NOT NULL DEFAULT '', CONSTRAINT "incoming_actual_dates_match_status" CHECK ((status IN ('nominated', 'accepted', 'cancelled') AND actual_arrival IS NULL AND actual_departure IS NULL) OR (status = 'arrived' AND actual_arrival IS NOT NULL AND actual_departure IS NULL) OR (status = 'departed' AND actual_arrival IS NOT NULL AND actual_departure >= actual_arrival)), CONSTRAINT "incoming_planned_dates_ordered" CHECK (planned_arrival < planned_departure), CONSTRAINT "incoming_academic_year_format" CHECK (academic_year ~ '^[0-9]{4}/[0-9]{4}$'), CONSTRAINT "incoming_term_known" CHECK (term IN ('autumn', 'spring', 'full-year')), CONSTRAINT "incoming_status_known" CHECK (status IN ('nominated', 'accepted', 'arrived', 'departed', 'cancelled')), CONSTRAINT "incoming_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "PK_5222e184d6f519938cc5c7d6d7f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_home_institution_idx" ON "incoming_mobilities"  ("home_institution_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_host_faculty_idx" ON "incoming_mobilities"  ("host_faculty_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_agreement_idx" ON "incoming_mobilities"  ("agreement_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_presence_idx" ON "incoming_mobilities"  ("actual_arrival", "actual_departure") WHERE actual_arrival IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_year_term_idx" ON "incoming_mobilities"  ("academic_year", "term") `,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_status_created_idx" ON "incoming_mobilities"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "incoming_created_idx" ON "incoming_mobilities"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "incoming_email_year_term_unique" ON "incoming_mobilities"  ("email", "academic_year", "term") WHERE status <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE TABLE "incoming_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "mobility_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "date" date, "comment" text, CONSTRAINT "incoming_events_status_known" CHECK (to_status IN ('nominated', 'accepted', 'arrived', 'departed', 'cancelled') AND (from_status IS NULL OR from_status IN ('nominated', 'accepted', 'arrived', 'departed', 'cancelled'))), CONSTRAINT "PK_81304c8d8f7922ec5c48385b751" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "incoming_events_actor_idx" ON "incoming_events"  ("actor_id") `);
    await queryRunner.query(
      `CREATE INDEX "incoming_events_mobility_idx" ON "incoming_events"  ("mobility_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "incoming_mobilities" ADD CONSTRAINT "incoming_home_institution_fk" FOREIGN KEY ("home_institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incoming_mobilities" ADD CONSTRAINT "incoming_host_faculty_fk" FOREIGN KEY ("host_faculty_id") REFERENCES "faculties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incoming_mobilities" ADD CONSTRAINT "incoming_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incoming_events" ADD CONSTRAINT "incoming_events_mobility_fk" FOREIGN KEY ("mobility_id") REFERENCES "incoming_mobilities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incoming_events" ADD CONSTRAINT "incoming_events_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Search by name or email in any script, accents and case ignored (portal_unaccent comes with the catalogue).
    await queryRunner.query(
      `CREATE INDEX "incoming_search_idx" ON "incoming_mobilities" USING gin (portal_unaccent(lower(first_name || ' ' || last_name || ' ' || email)) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."incoming_search_idx"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" DROP CONSTRAINT "incoming_events_actor_fk"`);
    await queryRunner.query(`ALTER TABLE "incoming_events" DROP CONSTRAINT "incoming_events_mobility_fk"`);
    await queryRunner.query(`ALTER TABLE "incoming_mobilities" DROP CONSTRAINT "incoming_agreement_fk"`);
    await queryRunner.query(`ALTER TABLE "incoming_mobilities" DROP CONSTRAINT "incoming_host_faculty_fk"`);
    await queryRunner.query(
      `ALTER TABLE "incoming_mobilities" DROP CONSTRAINT "incoming_home_institution_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."incoming_events_mobility_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_events_actor_idx"`);
    await queryRunner.query(`DROP TABLE "incoming_events"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_email_year_term_unique"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_status_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_year_term_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_presence_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_agreement_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_host_faculty_idx"`);
    await queryRunner.query(`DROP INDEX "public"."incoming_home_institution_idx"`);
    await queryRunner.query(`DROP TABLE "incoming_mobilities"`);
  }
}
