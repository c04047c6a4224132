import { MigrationInterface, QueryRunner } from 'typeorm';

/** News articles, their related institutions, and full-text search over them. */
export class CreateNews1795804026839 implements MigrationInterface {
  name = 'CreateNews1795804026839';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // TypeORM reads a generated column's expression from typeorm_metadata (created by the migration
    // runner), keyed by database name: record it for whichever database this runs in.
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), 'news_articles', 'GENERATED_COLUMN', 'search_vector', $1)`,
      [
        "setweight(to_tsvector('english', portal_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('english', portal_unaccent(coalesce(summary, ''))), 'B') || setweight(to_tsvector('english', portal_unaccent(coalesce(body, ''))), 'C')",
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "news_articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "slug" character varying(120) NOT NULL, "title" character varying(200) NOT NULL, "summary" character varying(500) NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "author_name" character varying(100) NOT NULL, "categories" character varying(50) array NOT NULL DEFAULT '{}', "status" character varying(20) NOT NULL DEFAULT 'draft', "published_at" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid, "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', portal_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('english', portal_unaccent(coalesce(summary, ''))), 'B') || setweight(to_tsvector('english', portal_unaccent(coalesce(body, ''))), 'C')) STORED NOT NULL, CONSTRAINT "news_articles_slug_format" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT "news_articles_published_has_date" CHECK (status <> 'published' OR published_at IS NOT NULL), CONSTRAINT "news_articles_status_known" CHECK (status IN ('draft', 'published')), CONSTRAINT "PK_ca1b67b1b6b2c382317bbd769dc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "news_articles_slug_unique" ON "news_articles"  ("slug") `);
    await queryRunner.query(
      `CREATE INDEX "news_articles_categories_idx" ON "news_articles" USING gin ("categories") `,
    );
    await queryRunner.query(
      `CREATE INDEX "news_articles_search_idx" ON "news_articles" USING gin ("search_vector") `,
    );
    await queryRunner.query(
      `CREATE INDEX "news_articles_drafts_idx" ON "news_articles"  ("created_at" DESC, "id" DESC) WHERE status = 'draft'`,
    );
    await queryRunner.query(
      `CREATE INDEX "news_articles_published_idx" ON "news_articles"  ("published_at" DESC, "id" DESC) WHERE status = 'published'`,
    );
    await queryRunner.query(
      `CREATE TABLE "news_article_institutions" ("article_id" uuid NOT NULL, "institution_id" uuid NOT NULL, CONSTRAINT "news_article_institutions_pk" PRIMARY KEY ("article_id", "institution_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "news_article_institutions_institution_idx" ON "news_article_institutions"  ("institution_id", "article_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_created_by_fk" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_article_institutions" ADD CONSTRAINT "news_article_institutions_article_fk" FOREIGN KEY ("article_id") REFERENCES "news_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_article_institutions" ADD CONSTRAINT "news_article_institutions_institution_fk" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "news_article_institutions" DROP CONSTRAINT "news_article_institutions_institution_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "news_article_institutions" DROP CONSTRAINT "news_article_institutions_article_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "news_articles" DROP CONSTRAINT "news_articles_created_by_fk"`);
    await queryRunner.query(`DROP INDEX "public"."news_article_institutions_institution_idx"`);
    await queryRunner.query(`DROP TABLE "news_article_institutions"`);
    await queryRunner.query(`DROP INDEX "public"."news_articles_published_idx"`);
    await queryRunner.query(`DROP INDEX "public"."news_articles_drafts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."news_articles_search_idx"`);
    await queryRunner.query(`DROP INDEX "public"."news_articles_categories_idx"`);
    await queryRunner.query(`DROP INDEX "public"."news_articles_slug_unique"`);
    await queryRunner.query(`DROP TABLE "news_articles"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_vector' AND "database" = current_database() AND "schema" = current_schema() AND "table" = 'news_articles'`,
    );
  }
}
