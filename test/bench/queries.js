// The SQL each list scenario makes the portal run, as TypeORM writes it (checked against
// PostgreSQL's statement log), and the JSON the portal builds from the rows. The raw ceiling
// server runs exactly these statements and answers exactly this JSON; the runner checks that both
// servers answer the same body before it measures, so a change in the services that this file
// does not follow is reported instead of silently comparing different work.
//
// TypeORM selects every column of each entity it loads, as "alias"."column" AS "alias_column"
// (an alias longer than PostgreSQL's 63 characters becomes the SHA-1 of it). The column lists are
// read from the database's catalogue at start, so a column another feature adds is selected by
// the ceiling too, as it is by the portal.
import { createHash } from 'node:crypto';
import pg from 'pg';

// TypeORM hands `date` columns over as 'YYYY-MM-DD' strings and numeric ones as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Columns the entities never select (`select: false`). */
const NOT_SELECTED = new Set(['users.password_hash', 'news_articles.search_vector']);
const TABLES = ['programmes', 'institutions', 'news_articles', 'users', 'applications'];

/** @typedef {Record<string, string[]>} Schema the selected columns of each table, in table order */

/**
 * @param {Queryable} db
 * @returns {Promise<Schema>}
 */
export async function readSchema(db) {
  const { rows } = await db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name, ordinal_position`,
    [TABLES],
  );
  /** @type {Schema} */
  const schema = {};
  for (const row of rows) {
    if (NOT_SELECTED.has(`${row.table_name}.${row.column_name}`)) continue;
    (schema[row.table_name] ??= []).push(row.column_name);
  }
  return schema;
}

/** @param {string} alias */
function typeormAlias(alias) {
  return alias.length > 63 ? createHash('sha1').update(alias).digest('hex') : alias;
}

/**
 * @param {Schema} schema
 * @param {string} table
 * @param {string} alias
 * @param {string} [prefix] of the result aliases (TypeORM's, for relations loaded by find())
 */
function select(schema, table, alias, prefix = alias) {
  const columns = schema[table];
  if (!columns) throw new Error(`No table ${table} in the bench database`);
  return columns
    .map((column) => `"${alias}"."${column}" AS "${typeormAlias(`${prefix}_${column}`)}"`)
    .join(', ');
}

/** @param {number} count */
const placeholders = (count) => Array.from({ length: count }, (_, index) => `$${index + 1}`).join(', ');

const CHOICE_PROGRAMME = 'ApplicationChoice__ApplicationChoice_programme';

/**
 * Every statement of the list scenarios.
 * @param {Schema} schema
 */
export function buildQueries(schema) {
  const queueSelect = `SELECT ${select(schema, 'applications', 'a')}, ${select(schema, 'users', 's')} FROM "applications" "a" INNER JOIN "users" "s" ON "s"."id"="a"."student_id" WHERE "a"."submitted_at" IS NOT NULL AND "a"."status" = $1`;
  return {
    /** GET /api/programmes (anonymous): published programmes by application deadline, then id. */
    programmes: `SELECT ${select(schema, 'programmes', 'p')}, ${select(schema, 'institutions', 'host')} FROM "programmes" "p" LEFT JOIN "institutions" "host" ON "host"."id"="p"."host_institution_id" WHERE "p"."status" = 'published' ORDER BY "p"."application_closes_at" ASC, "p"."id" ASC LIMIT 21`,
    /** GET /api/news (anonymous): published articles, newest first. */
    news: `SELECT ${select(schema, 'news_articles', 'a')} FROM "news_articles" "a" WHERE "a"."status" = $1 ORDER BY "a"."published_at" DESC, "a"."id" DESC LIMIT 21`,
    /** The related institutions of a page of articles. */
    newsLinks: (/** @type {number} */ count) =>
      `SELECT "NewsArticleInstitution"."article_id" AS "NewsArticleInstitution_article_id", "NewsArticleInstitution"."institution_id" AS "NewsArticleInstitution_institution_id" FROM "news_article_institutions" "NewsArticleInstitution" WHERE (("NewsArticleInstitution"."article_id" IN (${placeholders(count)}))) ORDER BY "NewsArticleInstitution"."institution_id" ASC`,
    /** The guard's look-up of the signed-in user, on every authenticated request. */
    authUser: `SELECT ${select(schema, 'users', 'User')} FROM "users" "User" WHERE (("User"."id" = $1) AND ("User"."active" = $2)) LIMIT 1`,
    /** GET /api/applications?status=... (staff): the review queue, oldest submission first. */
    queue: `${queueSelect} ORDER BY "a"."submitted_at" ASC, "a"."id" ASC LIMIT 21`,
    /** The same after a cursor: ($2, $3) are the last row's submitted_at and id. */
    queueAfter: `${queueSelect} AND ("a"."submitted_at", "a"."id") > ($2, $3) ORDER BY "a"."submitted_at" ASC, "a"."id" ASC LIMIT 21`,
    /** The choices (with their programmes) of a page of applications. */
    choices: (/** @type {number} */ count) =>
      `SELECT "ApplicationChoice"."application_id" AS "ApplicationChoice_application_id", "ApplicationChoice"."rank" AS "ApplicationChoice_rank", "ApplicationChoice"."programme_id" AS "ApplicationChoice_programme_id", ${select(schema, 'programmes', CHOICE_PROGRAMME)} FROM "application_choices" "ApplicationChoice" LEFT JOIN "programmes" "${CHOICE_PROGRAMME}" ON "${CHOICE_PROGRAMME}"."id"="ApplicationChoice"."programme_id" WHERE (("ApplicationChoice"."application_id" IN (${placeholders(count)})))`,
  };
}
/** @typedef {ReturnType<typeof buildQueries>} Queries */

/**
 * @typedef {{ query: (text: string, values?: unknown[]) => Promise<{ rows: any[] }> }} Queryable
 */

/**
 * @param {Queryable} db
 * @param {Queries} sql
 * @returns {Promise<{ items: unknown[], nextCursor: string | null }>}
 */
export async function listProgrammes(db, sql) {
  const now = Date.now();
  const { rows } = await db.query(sql.programmes);
  return toPage(
    rows,
    20,
    (row) => [row.p_application_closes_at.toISOString(), row.p_id],
    (row) => ({
      id: row.p_id,
      title: row.p_title,
      hostInstitutionId: row.p_host_institution_id,
      ...(row.host_id
        ? {
            hostInstitution: {
              id: row.host_id,
              name: row.host_name,
              abbreviation: row.host_abbreviation,
              countryCode: row.host_country_code,
              city: row.host_city,
            },
          }
        : {}),
      agreementId: row.p_agreement_id,
      academicYear: row.p_academic_year,
      term: row.p_term,
      startDate: row.p_start_date,
      endDate: row.p_end_date,
      applicationOpensAt: row.p_application_opens_at,
      applicationClosesAt: row.p_application_closes_at,
      places: row.p_places,
      placesTaken: row.p_places_taken,
      placesLeft: row.p_places - row.p_places_taken,
      isOpen:
        row.p_status === 'published' &&
        row.p_application_opens_at.getTime() <= now &&
        now < row.p_application_closes_at.getTime(),
      eligibleFacultyIds: row.p_eligible_faculty_ids,
      languageOfInstruction: row.p_language_of_instruction,
      minLanguageLevel: row.p_min_language_level,
      description: row.p_description,
      status: row.p_status,
      createdAt: row.p_created_at,
      updatedAt: row.p_updated_at,
    }),
  );
}

/**
 * @param {Queryable} db
 * @param {Queries} sql
 * @returns {Promise<{ items: unknown[], nextCursor: string | null }>}
 */
export async function listNews(db, sql) {
  const { rows } = await db.query(sql.news, ['published']);
  const ids = rows.slice(0, 20).map((row) => row.a_id);
  /** @type {Map<string, string[]>} */
  const related = new Map();
  if (ids.length > 0) {
    const links = await db.query(sql.newsLinks(ids.length), ids);
    for (const link of links.rows) {
      const list = related.get(link.NewsArticleInstitution_article_id) ?? [];
      list.push(link.NewsArticleInstitution_institution_id);
      related.set(link.NewsArticleInstitution_article_id, list);
    }
  }
  return toPage(
    rows,
    20,
    (row) => [row.a_published_at.toISOString(), row.a_id],
    (row) => ({
      id: row.a_id,
      slug: row.a_slug,
      title: row.a_title,
      summary: row.a_summary,
      authorName: row.a_author_name,
      categories: row.a_categories,
      relatedInstitutionIds: related.get(row.a_id) ?? [],
      status: row.a_status,
      publishedAt: row.a_published_at,
      createdAt: row.a_created_at,
      updatedAt: row.a_updated_at,
    }),
  );
}

/**
 * The review queue as an advisor sees it, after the guard's user look-up.
 * @param {Queryable} db
 * @param {Queries} sql
 * @param {{ userId: string, status: string, cursor?: string }} request
 * @returns {Promise<{ items: unknown[], nextCursor: string | null } | null>} null when the user is unknown
 */
export async function listQueue(db, sql, request) {
  const user = await db.query(sql.authUser, [request.userId, true]);
  if (user.rows.length === 0) return null;
  const after = request.cursor ? decodeCursor(request.cursor) : undefined;
  const { rows } = after
    ? await db.query(sql.queueAfter, [request.status, after[0], after[1]])
    : await db.query(sql.queue, [request.status]);
  /** @type {Map<string, any[]>} */
  const choices = new Map();
  if (rows.length > 0) {
    const found = await db.query(
      sql.choices(rows.length),
      rows.map((row) => row.a_id),
    );
    for (const choice of found.rows) {
      const list = choices.get(choice.ApplicationChoice_application_id) ?? [];
      list.push(choice);
      choices.set(choice.ApplicationChoice_application_id, list);
    }
  }
  return toPage(
    rows,
    20,
    (row) => [row.a_submitted_at.toISOString(), row.a_id],
    (row) => ({
      id: row.a_id,
      student: { id: row.s_id, firstName: row.s_first_name, lastName: row.s_last_name, email: row.s_email },
      academicYear: row.a_academic_year,
      term: row.a_term,
      choices: (choices.get(row.a_id) ?? [])
        .sort((a, b) => a.ApplicationChoice_rank - b.ApplicationChoice_rank)
        .map((choice) => ({
          rank: choice.ApplicationChoice_rank,
          programmeId: choice.ApplicationChoice_programme_id,
          title: choice[`${CHOICE_PROGRAMME}_title`],
          hostInstitutionId: choice[typeormAlias(`${CHOICE_PROGRAMME}_host_institution_id`)],
        })),
      motivation: row.a_motivation,
      gradeAverage: row.a_grade_average,
      languageSkills: row.a_language_skills,
      status: row.a_status,
      placedProgrammeId: row.a_placed_programme_id,
      decisionComment: row.a_decision_comment,
      submittedAt: row.a_submitted_at,
      decidedAt: row.a_decided_at,
      withdrawnAt: row.a_withdrawn_at,
      version: row.a_version,
      createdAt: row.a_created_at,
      updatedAt: row.a_updated_at,
    }),
  );
}

/**
 * The portal's cursor format (src/common/pagination/pagination.ts): base64url of a JSON array of
 * the last row's keyset values.
 * @param {ReadonlyArray<string | number>} values
 */
export function encodeCursor(values) {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** @param {string} cursor @returns {Array<string | number>} */
export function decodeCursor(cursor) {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
}

/**
 * @param {any[]} rows
 * @param {number} limit
 * @param {(row: any) => Array<string | number>} cursorOf
 * @param {(row: any) => unknown} map
 */
function toPage(rows, limit, cursorOf, map) {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  return { items: kept.map(map), nextCursor: hasMore ? encodeCursor(cursorOf(kept[kept.length - 1])) : null };
}
