import { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSE = `RAISE EXCEPTION 'learning agreement %: signatures and comments are never modified or deleted', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';`;

/**
 * The right to erasure reaches the signatures of learning agreements: a signature's name and
 * email (copied from the signer's account) may be replaced, and nothing else, only by the
 * erasure's transaction (`SET LOCAL app.erasure = 'on'`). Everything else stays append-only.
 */
export class LearningAgreementSignaturesErasure1796340000000 implements MigrationInterface {
  name = 'LearningAgreementSignaturesErasure1796340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "learning_agreement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN ` +
        `IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'learning_agreement_signatures' ` +
        `AND current_setting('app.erasure', true) = 'on' ` +
        `AND (to_jsonb(NEW) - 'name' - 'email') = (to_jsonb(OLD) - 'name' - 'email') THEN RETURN NEW; END IF; ` +
        `${REFUSE} END $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION "learning_agreement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN ${REFUSE} END $$`,
    );
  }
}
