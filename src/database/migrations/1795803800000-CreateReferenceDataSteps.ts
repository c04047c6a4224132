import { MigrationInterface, QueryRunner } from 'typeorm';

/** Records which reference-data steps have run, so each runs once per database. */
export class CreateReferenceDataSteps1795803800000 implements MigrationInterface {
  name = 'CreateReferenceDataSteps1795803800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reference_data_steps" ("name" varchar(100) PRIMARY KEY, "applied_at" timestamptz(3) NOT NULL DEFAULT now())`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reference_data_steps"`);
  }
}
