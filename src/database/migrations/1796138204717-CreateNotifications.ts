import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the preferred language of each user, the notifications (shown in the portal and
 * the outbox of their e-mails) and each user's digest settings.
 */
export class CreateNotifications1796138204717 implements MigrationInterface {
  name = 'CreateNotifications1796138204717';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "preferred_locale" character varying(2) NOT NULL DEFAULT 'fr'`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_preferred_locale_known" CHECK (preferred_locale IN ('fr', 'en', 'ru', 'kk'))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "recipient_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "locale" character varying(2) NOT NULL, "subject" text NOT NULL, "text_body" text NOT NULL, "html_body" text NOT NULL, "link" text NOT NULL, "dedupe_key" character varying(200) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT 0, "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_until" TIMESTAMP(3) WITH TIME ZONE, "claim_token" uuid, "message_id" character varying(200), "last_error" text, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "read_at" TIMESTAMP(3) WITH TIME ZONE, ` +
        `CONSTRAINT "notifications_kind_known" CHECK (kind IN ('application-submitted', 'application-approved', 'application-waitlisted', 'application-rejected', 'application-waitlist-approved', 'draft-reminder', 'advisor-digest', 'coordinator-digest', 'incoming-nominated', 'undelivered')), ` +
        `CONSTRAINT "notifications_status_known" CHECK (status IN ('pending', 'sending', 'sent', 'dead')), ` +
        `CONSTRAINT "notifications_locale_known" CHECK (locale IN ('fr', 'en', 'ru', 'kk')), ` +
        `CONSTRAINT "notifications_sending_claimed" CHECK (status <> 'sending' OR claimed_until IS NOT NULL), ` +
        `CONSTRAINT "PK_notifications" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notifications_dedupe_key_unique" ON "notifications" ("dedupe_key")`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_recipient_idx" ON "notifications" ("recipient_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_due_idx" ON "notifications" ("next_attempt_at") WHERE status IN ('pending', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_status_idx" ON "notifications" ("status", "created_at", "id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_fk" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "daily_digest" boolean NOT NULL DEFAULT true, "weekly_digest" boolean NOT NULL DEFAULT true, "draft_reminders" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_notification_settings" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_settings"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_preferred_locale_known"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "preferred_locale"`);
  }
}
