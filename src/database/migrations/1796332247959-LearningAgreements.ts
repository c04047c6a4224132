import { MigrationInterface, QueryRunner } from 'typeorm';

const TS = 'TIMESTAMP(3) WITH TIME ZONE';
const STAMPS = `"id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" ${TS} NOT NULL DEFAULT now(), "updated_at" ${TS} NOT NULL DEFAULT now()`;
const KINDS = `'application-submitted', 'application-approved', 'application-waitlisted', 'application-rejected', 'application-waitlist-approved', 'draft-reminder', 'advisor-digest', 'coordinator-digest', 'incoming-nominated', 'undelivered'`;
const LA_KINDS = `'learning-agreement-to-sign', 'learning-agreement-approved', 'learning-agreement-commented'`;

/**
 * Learning agreements: one per mobility (outgoing or incoming), append-only versions of JSON
 * content with its SHA-256, signatures and comments that a trigger keeps from ever changing (and
 * a signed or commented version with them), the host's results and the home recognition; and the
 * three notifications of the procedure.
 */
export class LearningAgreements1796332247959 implements MigrationInterface {
  name = 'LearningAgreements1796332247959';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "learning_agreements" (${STAMPS}, "mobility_kind" character varying(10) NOT NULL, "outgoing_mobility_id" uuid, "incoming_mobility_id" uuid, ` +
        `CONSTRAINT "learning_agreements_kind_known" CHECK (mobility_kind IN ('outgoing', 'incoming')), ` +
        `CONSTRAINT "learning_agreements_one_mobility" CHECK ((mobility_kind = 'outgoing' AND outgoing_mobility_id IS NOT NULL AND incoming_mobility_id IS NULL) OR (mobility_kind = 'incoming' AND incoming_mobility_id IS NOT NULL AND outgoing_mobility_id IS NULL)), ` +
        `CONSTRAINT "PK_learning_agreements" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "learning_agreements_outgoing_unique" ON "learning_agreements" ("outgoing_mobility_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "learning_agreements_incoming_unique" ON "learning_agreements" ("incoming_mobility_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreements" ADD CONSTRAINT "learning_agreements_outgoing_fk" FOREIGN KEY ("outgoing_mobility_id") REFERENCES "outgoing_mobilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreements" ADD CONSTRAINT "learning_agreements_incoming_fk" FOREIGN KEY ("incoming_mobility_id") REFERENCES "incoming_mobilities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "learning_agreement_versions" (${STAMPS}, "agreement_id" uuid NOT NULL, "number" integer NOT NULL, "content" jsonb NOT NULL, "content_hash" character(64) NOT NULL, "author_id" uuid NOT NULL, ` +
        `CONSTRAINT "learning_agreement_versions_number_unique" UNIQUE ("agreement_id", "number"), ` +
        `CONSTRAINT "learning_agreement_versions_number_positive" CHECK (number >= 1), ` +
        `CONSTRAINT "learning_agreement_versions_hash_format" CHECK (content_hash ~ '^[0-9a-f]{64}$'), ` +
        `CONSTRAINT "PK_learning_agreement_versions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "learning_agreement_versions_author_idx" ON "learning_agreement_versions" ("author_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_versions" ADD CONSTRAINT "learning_agreement_versions_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "learning_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_versions" ADD CONSTRAINT "learning_agreement_versions_author_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "learning_agreement_signatures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "party" character varying(10) NOT NULL, "signer_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "position" character varying(200), "email" character varying(254) NOT NULL, "signed_at" ${TS} NOT NULL, "content_hash" character(64) NOT NULL, ` +
        `CONSTRAINT "learning_agreement_signatures_once" UNIQUE ("version_id", "party"), ` +
        `CONSTRAINT "learning_agreement_signatures_party_known" CHECK (party IN ('student', 'sending', 'receiving')), ` +
        `CONSTRAINT "learning_agreement_signatures_hash_format" CHECK (content_hash ~ '^[0-9a-f]{64}$'), ` +
        `CONSTRAINT "learning_agreement_signatures_position" CHECK (party = 'student' OR position IS NOT NULL), ` +
        `CONSTRAINT "PK_learning_agreement_signatures" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "learning_agreement_signatures_signer_idx" ON "learning_agreement_signatures" ("signer_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_signatures" ADD CONSTRAINT "learning_agreement_signatures_version_fk" FOREIGN KEY ("version_id") REFERENCES "learning_agreement_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_signatures" ADD CONSTRAINT "learning_agreement_signatures_signer_fk" FOREIGN KEY ("signer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "learning_agreement_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "author_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "reason" text NOT NULL, "commented_at" ${TS} NOT NULL, "content_hash" character(64) NOT NULL, ` +
        `CONSTRAINT "learning_agreement_comments_hash_format" CHECK (content_hash ~ '^[0-9a-f]{64}$'), ` +
        `CONSTRAINT "PK_learning_agreement_comments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "learning_agreement_comments_version_unique" ON "learning_agreement_comments" ("version_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "learning_agreement_comments_author_idx" ON "learning_agreement_comments" ("author_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_comments" ADD CONSTRAINT "learning_agreement_comments_version_fk" FOREIGN KEY ("version_id") REFERENCES "learning_agreement_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_comments" ADD CONSTRAINT "learning_agreement_comments_author_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "learning_agreement_results" (${STAMPS}, "agreement_id" uuid NOT NULL, "component_code" character varying(50) NOT NULL, "grade" character varying(50) NOT NULL, "ects_obtained" numeric(4,1) NOT NULL, "recorded_by_id" uuid NOT NULL, ` +
        `CONSTRAINT "learning_agreement_results_once" UNIQUE ("agreement_id", "component_code"), ` +
        `CONSTRAINT "learning_agreement_results_ects" CHECK (ects_obtained >= 0), ` +
        `CONSTRAINT "PK_learning_agreement_results" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "learning_agreement_results_recorder_idx" ON "learning_agreement_results" ("recorded_by_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_results" ADD CONSTRAINT "learning_agreement_results_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "learning_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_results" ADD CONSTRAINT "learning_agreement_results_recorder_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(
      `CREATE TABLE "learning_agreement_recognitions" (${STAMPS}, "agreement_id" uuid NOT NULL, "component_code" character varying(50) NOT NULL, "recognised" boolean NOT NULL, "grade" character varying(50), "reason" text, "decided_by_id" uuid NOT NULL, ` +
        `CONSTRAINT "learning_agreement_recognitions_once" UNIQUE ("agreement_id", "component_code"), ` +
        `CONSTRAINT "learning_agreement_recognitions_decided" CHECK ((recognised AND grade IS NOT NULL) OR (NOT recognised AND reason IS NOT NULL)), ` +
        `CONSTRAINT "PK_learning_agreement_recognitions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "learning_agreement_recognitions_decider_idx" ON "learning_agreement_recognitions" ("decided_by_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_recognitions" ADD CONSTRAINT "learning_agreement_recognitions_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "learning_agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "learning_agreement_recognitions" ADD CONSTRAINT "learning_agreement_recognitions_decider_fk" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // What is signed never changes: signatures and comments are never updated or deleted, nor is
    // a version that has one.
    await queryRunner.query(
      `CREATE FUNCTION "learning_agreement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN RAISE EXCEPTION 'learning agreement %: signatures and comments are never modified or deleted', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "learning_agreement_version_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN ` +
        `IF EXISTS (SELECT 1 FROM learning_agreement_signatures WHERE version_id = OLD.id) OR EXISTS (SELECT 1 FROM learning_agreement_comments WHERE version_id = OLD.id) THEN ` +
        `RAISE EXCEPTION 'learning agreement version % is signed or commented: it is never modified or deleted', OLD.number USING ERRCODE = 'restrict_violation'; ` +
        `END IF; ` +
        `IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$`,
    );
    for (const table of ['learning_agreement_signatures', 'learning_agreement_comments']) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "learning_agreement_append_only"()`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER "learning_agreement_versions_frozen" BEFORE UPDATE OR DELETE ON "learning_agreement_versions" FOR EACH ROW EXECUTE FUNCTION "learning_agreement_version_frozen"()`,
    );

    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_known" CHECK (kind IN (${KINDS}, ${LA_KINDS}))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE kind IN (${LA_KINDS})`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_known"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_known" CHECK (kind IN (${KINDS}))`,
    );
    await queryRunner.query(`DROP TABLE "learning_agreement_recognitions"`);
    await queryRunner.query(`DROP TABLE "learning_agreement_results"`);
    // Dropping the tables drops their triggers without firing them.
    await queryRunner.query(`DROP TABLE "learning_agreement_comments"`);
    await queryRunner.query(`DROP TABLE "learning_agreement_signatures"`);
    await queryRunner.query(`DROP TABLE "learning_agreement_versions"`);
    await queryRunner.query(`DROP FUNCTION "learning_agreement_version_frozen"()`);
    await queryRunner.query(`DROP FUNCTION "learning_agreement_append_only"()`);
    await queryRunner.query(`DROP TABLE "learning_agreements"`);
  }
}
