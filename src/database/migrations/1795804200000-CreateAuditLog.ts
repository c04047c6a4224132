import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1795804200000 implements MigrationInterface {
  name = 'CreateAuditLog1795804200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" character varying(60) NOT NULL, "target_type" character varying(40), "target_id" uuid, "address" character varying(64), "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_log_action_at_idx" ON "audit_log" ("action", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "audit_log_actor_at_idx" ON "audit_log" ("actor_id", "at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
