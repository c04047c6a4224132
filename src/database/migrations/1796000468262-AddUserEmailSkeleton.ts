import { MigrationInterface, QueryRunner } from 'typeorm';

// The confusables this portal folds (UTS #39 prototypes, for the scripts its users write in:
// Latin, Cyrillic, Greek; full-width and other compatibility forms are folded by NFKD first).
// Lower case only: addresses are stored lower-cased. Each character of FROM becomes the one at the
// same place in TO. A frozen copy: a later change of the table is a new migration.
const FROM =
  // Cyrillic а е о р с у х ѕ і ј ԁ һ ӏ ԛ ԝ ү ѵ
  '\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u0501\u04BB\u04CF\u051B\u051D\u04AF\u0475' +
  // Greek α ο ρ ν υ ι κ χ γ ϲ ϳ η
  '\u03B1\u03BF\u03C1\u03BD\u03C5\u03B9\u03BA\u03C7\u03B3\u03F2\u03F3\u03B7' +
  // Latin ı ɩ ɑ ɡ ǀ, digits 1 0, dashes ‐ ‒ – − ˗
  '\u0131\u0269\u0251\u0261\u01C0' +
  '10' +
  '\u2010\u2012\u2013\u2212\u02D7';
const TO = 'aeopcyxsijdhlqwyv' + 'aopvuikxycjn' + 'iiagl' + 'lo' + '-----';

/**
 * Lookalike e-mail addresses (issue 19 item 9): each account's address has a skeleton in the
 * spirit of UTS #39 (NFKD, confusables folded to one prototype, `m` read as `rn`), kept by the
 * database itself on every insert and email change (a trigger, so every path that writes an email,
 * erasure included, keeps it right), and unique: two registrations racing with `аdmin@` (Cyrillic
 * а) and `admin@` cannot both win. Existing accounts are backfilled; should two already look alike,
 * the older keeps the skeleton and the newer has none (it still blocks nothing new: any address
 * confusable with it is confusable with the older one).
 */
export class AddUserEmailSkeleton1796000468262 implements MigrationInterface {
  name = 'AddUserEmailSkeleton1796000468262';

  public async up(queryRunner: QueryRunner): Promise<void> {
    if (FROM.length !== TO.length) throw new Error('The confusables table is misaligned');
    await queryRunner.query(
      `CREATE FUNCTION users_email_skeleton(email text) RETURNS text
         LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         RETURN replace(translate(normalize(lower(email), NFKD), '${FROM}', '${TO}'), 'm', 'rn')`,
    );
    await queryRunner.query(
      `CREATE FUNCTION users_set_email_skeleton() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' OR NEW.email IS DISTINCT FROM OLD.email THEN
           NEW.email_skeleton := users_email_skeleton(NEW.email);
         END IF;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "email_skeleton" text`);
    await queryRunner.query(
      `UPDATE "users" SET "email_skeleton" = users_email_skeleton("email")
        WHERE "id" IN (SELECT DISTINCT ON (users_email_skeleton("email")) "id" FROM "users"
                        ORDER BY users_email_skeleton("email"), "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_email_skeleton_unique" ON "users" ("email_skeleton") `,
    );
    await queryRunner.query(
      `CREATE TRIGGER "users_email_skeleton" BEFORE INSERT OR UPDATE OF "email" ON "users"
         FOR EACH ROW EXECUTE FUNCTION users_set_email_skeleton()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "users_email_skeleton" ON "users"`);
    await queryRunner.query(`DROP INDEX "public"."users_email_skeleton_unique"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_skeleton"`);
    await queryRunner.query(`DROP FUNCTION users_set_email_skeleton()`);
    await queryRunner.query(`DROP FUNCTION users_email_skeleton(text)`);
  }
}
