import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login attempt counters shared by every instance (issue 17): one row per counter (an account
 * from an address, or an address), counted up atomically before any password is checked.
 * UNLOGGED: no write-ahead log, so counting is cheap; after a crash (or on a promoted standby) the
 * table starts empty, which only forgets the current minute. The key is a SHA-256 of what it
 * counts, so no email or address is kept here. Rows older than their minute are swept by the app.
 */
export class CreateLoginAttempts1796000468261 implements MigrationInterface {
  name = 'CreateLoginAttempts1796000468261';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "login_attempts" (
        "key" character(64) NOT NULL,
        "attempts" integer NOT NULL,
        "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "login_attempts_pk" PRIMARY KEY ("key"),
        CONSTRAINT "login_attempts_attempts_not_negative" CHECK (attempts >= 0)
      )`,
    );
    await queryRunner.query(
      `CREATE INDEX "login_attempts_window_idx" ON "login_attempts" ("window_started_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_attempts"`);
  }
}
