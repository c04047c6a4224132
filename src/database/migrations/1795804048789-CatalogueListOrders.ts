import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the catalogue's list orders: institutions by name, programmes by application deadline. */
export class CatalogueListOrders1795804048789 implements MigrationInterface {
  name = 'CatalogueListOrders1795804048789';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "institutions_name_idx" ON "institutions"  ("name", "id") `);
    await queryRunner.query(
      `CREATE INDEX "programmes_closes_idx" ON "programmes"  ("application_closes_at", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."programmes_closes_idx"`);
    await queryRunner.query(`DROP INDEX "public"."institutions_name_idx"`);
  }
}
