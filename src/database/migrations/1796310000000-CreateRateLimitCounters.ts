import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The general request limit's counters, shared by every instance (issue 17): one row per caller
 * (a user or a client address) and window, counted up by one atomic upsert per request. UNLOGGED:
 * no write-ahead log, so counting is cheap; after a crash the table starts empty, which only
 * forgets the current minute. Expired rows are swept by the app.
 */
export class CreateRateLimitCounters1796310000000 implements MigrationInterface {
  name = 'CreateRateLimitCounters1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_counters" (
        "key" character varying(200) NOT NULL,
        "hits" integer NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "rate_limit_counters_pk" PRIMARY KEY ("key")
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "rate_limit_counters_expires_idx" ON "rate_limit_counters" ("expires_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_counters"`);
  }
}
