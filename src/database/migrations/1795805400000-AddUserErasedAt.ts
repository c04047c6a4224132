import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddUserErasedAt1795805400000 implements MigrationInterface {
  name = 'AddUserErasedAt1795805400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "erased_at" TIMESTAMP(3) WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "erased_at"`);
  }
}
