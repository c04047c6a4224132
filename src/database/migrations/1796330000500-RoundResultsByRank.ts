import { MigrationInterface, QueryRunner } from 'typeorm';

/** A round's results are read a page at a time in rank order: one rank per round, found by index. */
export class RoundResultsByRank1796330000500 implements MigrationInterface {
  name = 'RoundResultsByRank1796330000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "selection_round_results_rank_key" ON "selection_round_results" ("round_id", "rank")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "selection_round_results_rank_key"`);
  }
}
