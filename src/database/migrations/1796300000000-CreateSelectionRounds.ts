import { MigrationInterface, QueryRunner } from 'typeorm';

/** Selection rounds: motivation ratings of applications, the rounds and what each gives each application. */
export class CreateSelectionRounds1796300000000 implements MigrationInterface {
  name = 'CreateSelectionRounds1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "application_assessments" ("application_id" uuid NOT NULL, "motivation_rating" smallint NOT NULL, "note" text, "assessed_by_id" uuid NOT NULL, "assessed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "application_assessments_rating_range" CHECK (motivation_rating BETWEEN 0 AND 5), ` +
        `CONSTRAINT "application_assessments_note_length" CHECK (char_length(note) <= 2000), ` +
        `CONSTRAINT "PK_application_assessments" PRIMARY KEY ("application_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_assessments" ADD CONSTRAINT "application_assessments_application_fk" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_assessments" ADD CONSTRAINT "application_assessments_assessed_by_fk" FOREIGN KEY ("assessed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "selection_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "academic_year" character(9) NOT NULL, "term" character varying(10) NOT NULL, "weights" jsonb NOT NULL, "allow_upgrades" boolean NOT NULL DEFAULT false, "seed" character varying(64) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'preview', "fingerprint" character(64) NOT NULL, "programmes" jsonb NOT NULL DEFAULT '[]', "application_count" integer NOT NULL, "placed_count" integer NOT NULL, "created_by_id" uuid NOT NULL, "committed_by_id" uuid, "committed_at" TIMESTAMP(3) WITH TIME ZONE, ` +
        `CONSTRAINT "selection_rounds_status_known" CHECK (status IN ('preview', 'committed')), ` +
        `CONSTRAINT "selection_rounds_committed_iff_at" CHECK ((status = 'committed') = (committed_at IS NOT NULL)), ` +
        `CONSTRAINT "selection_rounds_term_known" CHECK (term IN ('autumn', 'spring', 'full-year')), ` +
        `CONSTRAINT "PK_selection_rounds" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "selection_rounds_created_idx" ON "selection_rounds" ("created_at", "id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "selection_rounds" ADD CONSTRAINT "selection_rounds_created_by_fk" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "selection_rounds" ADD CONSTRAINT "selection_rounds_committed_by_fk" FOREIGN KEY ("committed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "selection_round_results" ("round_id" uuid NOT NULL, "application_id" uuid NOT NULL, "rank" integer NOT NULL, "score" numeric(10,4) NOT NULL, "programme_id" uuid, "choice_rank" smallint, "held_programme_id" uuid, "reasons" jsonb NOT NULL DEFAULT '[]', ` +
        `CONSTRAINT "PK_selection_round_results" PRIMARY KEY ("round_id", "application_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "selection_round_results_application_idx" ON "selection_round_results" ("application_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "selection_round_results" ADD CONSTRAINT "selection_round_results_round_fk" FOREIGN KEY ("round_id") REFERENCES "selection_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "selection_round_results" ADD CONSTRAINT "selection_round_results_application_fk" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "selection_round_results"`);
    await queryRunner.query(`DROP TABLE "selection_rounds"`);
    await queryRunner.query(`DROP TABLE "application_assessments"`);
  }
}
