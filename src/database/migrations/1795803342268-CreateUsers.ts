import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1795803342268 implements MigrationInterface {
  name = 'CreateUsers1795803342268';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "password_hash" character varying(255) NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "role" character varying(20) NOT NULL, "active" boolean NOT NULL DEFAULT true, "token_version" integer NOT NULL DEFAULT '0', "student_number" character varying(50), "home_faculty_id" uuid, "study_level" character varying(20), "study_year" smallint, CONSTRAINT "users_study_year_range" CHECK (study_year BETWEEN 1 AND 10), CONSTRAINT "users_study_level_known" CHECK (study_level IN ('bachelor', 'master', 'doctorate')), CONSTRAINT "users_role_known" CHECK (role IN ('student', 'advisor', 'coordinator', 'editor', 'admin')), CONSTRAINT "users_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_unique" ON "users"  ("email") `);
    await queryRunner.query(
      `CREATE INDEX "users_role_created_idx" ON "users"  ("role", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "users_created_idx" ON "users"  ("created_at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."users_role_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."users_email_unique"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
