import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalogue1795803662524 implements MigrationInterface {
  name = 'CreateCatalogue1795803662524';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Accent- and case-insensitive search: unaccent is only STABLE, so an IMMUTABLE wrapper
    // naming its dictionary lets expression indexes use it; pg_trgm makes LIKE '%...%' indexable.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION portal_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
    await queryRunner.query(
      `CREATE TABLE "faculties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "institution_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "code" character varying(30) NOT NULL, CONSTRAINT "PK_fd83e4a09c7182ccf7bdb3770b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "faculties_institution_code_unique" ON "faculties"  ("institution_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "institutions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "abbreviation" character varying(30), "country_code" character(2) NOT NULL, "city" character varying(100) NOT NULL, "website" character varying(300), "schac_code" character varying(100) NOT NULL, "erasmus_code" character varying(30), "is_home" boolean NOT NULL DEFAULT false, CONSTRAINT "institutions_country_code_format" CHECK (country_code ~ '^[A-Z]{2}$'), CONSTRAINT "PK_0be7539dcdba335470dc05e9690" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "institutions_country_idx" ON "institutions"  ("country_code") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "institutions_schac_code_unique" ON "institutions"  ("schac_code") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "institutions_erasmus_code_unique" ON "institutions"  ("erasmus_code") WHERE erasmus_code IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "institutions_single_home" ON "institutions"  ("is_home") WHERE is_home`,
    );
    await queryRunner.query(
      `CREATE INDEX "institutions_created_idx" ON "institutions"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agreements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "partner_institution_id" uuid NOT NULL, "faculty_id" uuid, "kind" character varying(20) NOT NULL, "subject_areas" character varying(4) array NOT NULL DEFAULT '{}', "language_code" character(2), "language_cefr_level" character varying(2), "outgoing_places_per_year" integer NOT NULL, "incoming_places_per_year" integer NOT NULL, "months_per_mobility" smallint NOT NULL, "first_academic_year" character(9) NOT NULL, "last_academic_year" character(9) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', CONSTRAINT "agreements_language_pair" CHECK ((language_code IS NULL) = (language_cefr_level IS NULL) AND (language_cefr_level IS NULL OR language_cefr_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2'))), CONSTRAINT "agreements_years_ordered" CHECK (first_academic_year <= last_academic_year), CONSTRAINT "agreements_months_range" CHECK (months_per_mobility BETWEEN 1 AND 24), CONSTRAINT "agreements_places_non_negative" CHECK (outgoing_places_per_year >= 0 AND incoming_places_per_year >= 0), CONSTRAINT "agreements_status_known" CHECK (status IN ('draft', 'active', 'expired', 'terminated')), CONSTRAINT "agreements_kind_known" CHECK (kind IN ('erasmus-icm', 'bilateral', 'double-degree')), CONSTRAINT "PK_01532f6c999d44c776e3d1fa4c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "agreements_partner_idx" ON "agreements"  ("partner_institution_id") `,
    );
    await queryRunner.query(`CREATE INDEX "agreements_status_idx" ON "agreements"  ("status") `);
    await queryRunner.query(`CREATE INDEX "agreements_created_idx" ON "agreements"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "programmes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "title" character varying(200) NOT NULL, "host_institution_id" uuid NOT NULL, "agreement_id" uuid, "academic_year" character(9) NOT NULL, "term" character varying(10) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "application_opens_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "application_closes_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "places" integer NOT NULL, "places_taken" integer NOT NULL DEFAULT '0', "eligible_faculty_ids" uuid array NOT NULL DEFAULT '{}', "language_of_instruction" character(2), "min_language_level" character varying(2), "description" text NOT NULL DEFAULT '', "status" character varying(20) NOT NULL DEFAULT 'draft', CONSTRAINT "programmes_min_language_level_known" CHECK (min_language_level IS NULL OR min_language_level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')), CONSTRAINT "programmes_dates_ordered" CHECK (application_closes_at <= start_date AND start_date < end_date), CONSTRAINT "programmes_window_ordered" CHECK (application_opens_at < application_closes_at), CONSTRAINT "programmes_places_within_bounds" CHECK (places >= 0 AND places_taken >= 0 AND places_taken <= places), CONSTRAINT "programmes_status_known" CHECK (status IN ('draft', 'published', 'archived')), CONSTRAINT "programmes_term_known" CHECK (term IN ('autumn', 'spring', 'full-year')), CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "programmes_host_idx" ON "programmes"  ("host_institution_id") `);
    await queryRunner.query(
      `CREATE INDEX "programmes_status_year_term_idx" ON "programmes"  ("status", "academic_year", "term") `,
    );
    await queryRunner.query(`CREATE INDEX "programmes_created_idx" ON "programmes"  ("created_at", "id") `);
    await queryRunner.query(
      `ALTER TABLE "faculties" ADD CONSTRAINT "faculties_institution_fk" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "agreements_partner_fk" FOREIGN KEY ("partner_institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "agreements_faculty_fk" FOREIGN KEY ("faculty_id") REFERENCES "faculties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "programmes_host_institution_fk" FOREIGN KEY ("host_institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "programmes_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "institutions_name_search_idx" ON "institutions" USING gin (portal_unaccent(lower(name)) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "programmes_title_search_idx" ON "programmes" USING gin (portal_unaccent(lower(title)) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_home_faculty_fk" FOREIGN KEY ("home_faculty_id") REFERENCES "faculties"("id") ON DELETE SET NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_home_faculty_fk"`);
    await queryRunner.query(`DROP INDEX "public"."programmes_title_search_idx"`);
    await queryRunner.query(`DROP INDEX "public"."institutions_name_search_idx"`);
    await queryRunner.query(`ALTER TABLE "programmes" DROP CONSTRAINT "programmes_agreement_fk"`);
    await queryRunner.query(`ALTER TABLE "programmes" DROP CONSTRAINT "programmes_host_institution_fk"`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP CONSTRAINT "agreements_faculty_fk"`);
    await queryRunner.query(`ALTER TABLE "agreements" DROP CONSTRAINT "agreements_partner_fk"`);
    await queryRunner.query(`ALTER TABLE "faculties" DROP CONSTRAINT "faculties_institution_fk"`);
    await queryRunner.query(`DROP INDEX "public"."programmes_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."programmes_status_year_term_idx"`);
    await queryRunner.query(`DROP INDEX "public"."programmes_host_idx"`);
    await queryRunner.query(`DROP TABLE "programmes"`);
    await queryRunner.query(`DROP INDEX "public"."agreements_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreements_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreements_partner_idx"`);
    await queryRunner.query(`DROP TABLE "agreements"`);
    await queryRunner.query(`DROP INDEX "public"."institutions_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."institutions_single_home"`);
    await queryRunner.query(`DROP INDEX "public"."institutions_erasmus_code_unique"`);
    await queryRunner.query(`DROP INDEX "public"."institutions_schac_code_unique"`);
    await queryRunner.query(`DROP INDEX "public"."institutions_country_idx"`);
    await queryRunner.query(`DROP TABLE "institutions"`);
    await queryRunner.query(`DROP INDEX "public"."faculties_institution_code_unique"`);
    await queryRunner.query(`DROP TABLE "faculties"`);
    await queryRunner.query(`DROP FUNCTION portal_unaccent(text)`);
  }
}
