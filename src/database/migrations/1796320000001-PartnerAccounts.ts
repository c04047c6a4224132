import { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner accounts: the `partner` role, bound to exactly one institution. */
export class PartnerAccounts1796320000001 implements MigrationInterface {
  name = 'PartnerAccounts1796320000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "institution_id" uuid`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_role_known"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_role_known" CHECK (role IN ('student', 'advisor', 'coordinator', 'editor', 'admin', 'partner'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_partner_institution" CHECK ((role = 'partner') = (institution_id IS NOT NULL))`,
    );
    await queryRunner.query(`CREATE INDEX "users_institution_idx" ON "users" ("institution_id")`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_institution_fk" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_institution_fk"`);
    await queryRunner.query(`DROP INDEX "users_institution_idx"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_partner_institution"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_role_known"`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_role_known" CHECK (role IN ('student', 'advisor', 'coordinator', 'editor', 'admin'))`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "institution_id"`);
  }
}
