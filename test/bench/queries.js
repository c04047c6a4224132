// The SQL each list scenario makes the portal run, word for word as TypeORM sends it (captured
// from PostgreSQL's statement log), and the JSON the portal builds from the rows. The raw ceiling
// server runs exactly these statements and answers exactly this JSON; the runner checks that both
// servers answer the same body before it measures, so a change in the services that this file
// does not follow is reported instead of silently comparing different work.
import pg from 'pg';

// TypeORM hands `date` columns over as 'YYYY-MM-DD' strings and numeric ones as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

const PROGRAMME_COLUMNS = (/** @type {string} */ alias) =>
  [
    'id',
    'created_at',
    'updated_at',
    'title',
    'host_institution_id',
    'agreement_id',
    'academic_year',
    'term',
    'start_date',
    'end_date',
    'application_opens_at',
    'application_closes_at',
    'places',
    'places_taken',
    'eligible_faculty_ids',
    'language_of_instruction',
    'min_language_level',
    'description',
    'status',
  ]
    .map((column) => `"${alias}"."${column}" AS "${alias}_${column}"`)
    .join(', ');

const INSTITUTION_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'name',
  'abbreviation',
  'country_code',
  'city',
  'website',
  'schac_code',
  'erasmus_code',
  'is_home',
]
  .map((column) => `"host"."${column}" AS "host_${column}"`)
  .join(', ');

const USER_COLUMNS = (/** @type {string} */ alias) =>
  [
    'id',
    'created_at',
    'updated_at',
    'email',
    'first_name',
    'last_name',
    'role',
    'active',
    'token_version',
    'student_number',
    'home_faculty_id',
    'study_level',
    'study_year',
  ]
    .map((column) => `"${alias}"."${column}" AS "${alias}_${column}"`)
    .join(', ');

/** GET /api/programmes (anonymous): published programmes by application deadline, then id. */
export const PROGRAMMES_SQL = `SELECT ${PROGRAMME_COLUMNS('p')}, ${INSTITUTION_COLUMNS} FROM "programmes" "p" LEFT JOIN "institutions" "host" ON "host"."id"="p"."host_institution_id" WHERE "p"."status" = 'published' ORDER BY "p"."application_closes_at" ASC, "p"."id" ASC LIMIT 21`;

/** GET /api/news (anonymous): published articles, newest first. */
export const NEWS_SQL = `SELECT "a"."id" AS "a_id", "a"."created_at" AS "a_created_at", "a"."updated_at" AS "a_updated_at", "a"."slug" AS "a_slug", "a"."title" AS "a_title", "a"."summary" AS "a_summary", "a"."body" AS "a_body", "a"."body_html" AS "a_body_html", "a"."author_name" AS "a_author_name", "a"."categories" AS "a_categories", "a"."status" AS "a_status", "a"."published_at" AS "a_published_at", "a"."created_by_id" AS "a_created_by_id" FROM "news_articles" "a" WHERE "a"."status" = $1 ORDER BY "a"."published_at" DESC, "a"."id" DESC LIMIT 21`;

/** @param {number} count */
const placeholders = (count) => Array.from({ length: count }, (_, index) => `$${index + 1}`).join(', ');

/** The related institutions of a page of articles. @param {number} count */
export const NEWS_LINKS_SQL = (count) =>
  `SELECT "NewsArticleInstitution"."article_id" AS "NewsArticleInstitution_article_id", "NewsArticleInstitution"."institution_id" AS "NewsArticleInstitution_institution_id" FROM "news_article_institutions" "NewsArticleInstitution" WHERE (("NewsArticleInstitution"."article_id" IN (${placeholders(count)}))) ORDER BY "NewsArticleInstitution"."institution_id" ASC`;

/** The guard's look-up of the signed-in user, on every authenticated request. */
export const AUTH_USER_SQL = `SELECT ${USER_COLUMNS('User')} FROM "users" "User" WHERE (("User"."id" = $1) AND ("User"."active" = $2)) LIMIT 1`;

const QUEUE_SELECT = `SELECT "a"."id" AS "a_id", "a"."created_at" AS "a_created_at", "a"."updated_at" AS "a_updated_at", "a"."student_id" AS "a_student_id", "a"."academic_year" AS "a_academic_year", "a"."term" AS "a_term", "a"."status" AS "a_status", "a"."motivation" AS "a_motivation", "a"."grade_average" AS "a_grade_average", "a"."language_skills" AS "a_language_skills", "a"."placed_programme_id" AS "a_placed_programme_id", "a"."decision_comment" AS "a_decision_comment", "a"."submitted_at" AS "a_submitted_at", "a"."decided_at" AS "a_decided_at", "a"."withdrawn_at" AS "a_withdrawn_at", "a"."version" AS "a_version", ${USER_COLUMNS('s')} FROM "applications" "a" INNER JOIN "users" "s" ON "s"."id"="a"."student_id" WHERE "a"."submitted_at" IS NOT NULL AND "a"."status" = $1`;

/** GET /api/applications?status=... (staff): the review queue, oldest submission first. */
export const QUEUE_SQL = `${QUEUE_SELECT} ORDER BY "a"."submitted_at" ASC, "a"."id" ASC LIMIT 21`;
/** The same after a cursor: ($2, $3) are the last row's submitted_at and id. */
export const QUEUE_AFTER_SQL = `${QUEUE_SELECT} AND ("a"."submitted_at", "a"."id") > ($2, $3) ORDER BY "a"."submitted_at" ASC, "a"."id" ASC LIMIT 21`;

const CHOICE_PROGRAMME = '"ApplicationChoice__ApplicationChoice_programme"';
/** TypeORM shortens aliases longer than PostgreSQL's 63 characters to a SHA-1 of them. */
const HASHED_ALIASES = /** @type {Record<string, string>} */ ({
  host_institution_id: '0bd7934a5bbb8081eec1d9664af78887a053e00d',
  application_opens_at: 'bdda954b7e0c137f14f3b8c4682cd88326227b2b',
  application_closes_at: '1fbceaf6efe6d1cac5dfe82faad3b0f1cec91edc',
  eligible_faculty_ids: '253ad7106b7c3b44cdc70bace2b8b5c8b9b84979',
  language_of_instruction: '7303227381418c5e18e8066aa42a80ef21f60ca0',
  min_language_level: '1fde10cfff6ee77de39083b327a223a4b27b652b',
});

/** The choices (with their programmes) of a page of applications. @param {number} count */
export const CHOICES_SQL = (count) =>
  `SELECT "ApplicationChoice"."application_id" AS "ApplicationChoice_application_id", "ApplicationChoice"."rank" AS "ApplicationChoice_rank", "ApplicationChoice"."programme_id" AS "ApplicationChoice_programme_id", ${[
    'id',
    'created_at',
    'updated_at',
    'title',
    'host_institution_id',
    'agreement_id',
    'academic_year',
    'term',
    'start_date',
    'end_date',
    'application_opens_at',
    'application_closes_at',
    'places',
    'places_taken',
    'eligible_faculty_ids',
    'language_of_instruction',
    'min_language_level',
    'description',
    'status',
  ]
    .map(
      (column) =>
        `${CHOICE_PROGRAMME}."${column}" AS "${HASHED_ALIASES[column] ?? `ApplicationChoice__ApplicationChoice_programme_${column}`}"`,
    )
    .join(
      ', ',
    )} FROM "application_choices" "ApplicationChoice" LEFT JOIN "programmes" ${CHOICE_PROGRAMME} ON ${CHOICE_PROGRAMME}."id"="ApplicationChoice"."programme_id" WHERE (("ApplicationChoice"."application_id" IN (${placeholders(count)})))`;

/**
 * @typedef {{ query: (text: string, values?: unknown[]) => Promise<{ rows: any[] }> }} Queryable
 */

/**
 * @param {Queryable} db
 * @returns {Promise<{ items: unknown[], nextCursor: string | null }>}
 */
export async function listProgrammes(db) {
  const now = Date.now();
  const { rows } = await db.query(PROGRAMMES_SQL);
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
 * @returns {Promise<{ items: unknown[], nextCursor: string | null }>}
 */
export async function listNews(db) {
  const { rows } = await db.query(NEWS_SQL, ['published']);
  const ids = rows.slice(0, 20).map((row) => row.a_id);
  /** @type {Map<string, string[]>} */
  const related = new Map();
  if (ids.length > 0) {
    const links = await db.query(NEWS_LINKS_SQL(ids.length), ids);
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
 * @param {{ userId: string, status: string, cursor?: string }} request
 * @returns {Promise<{ items: unknown[], nextCursor: string | null } | null>} null when the user is unknown
 */
export async function listQueue(db, request) {
  const user = await db.query(AUTH_USER_SQL, [request.userId, true]);
  if (user.rows.length === 0) return null;
  const after = request.cursor ? decodeCursor(request.cursor) : undefined;
  const { rows } = after
    ? await db.query(QUEUE_AFTER_SQL, [request.status, after[0], after[1]])
    : await db.query(QUEUE_SQL, [request.status]);
  /** @type {Map<string, any[]>} */
  const choices = new Map();
  if (rows.length > 0) {
    const found = await db.query(
      CHOICES_SQL(rows.length),
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
          title: choice.ApplicationChoice__ApplicationChoice_programme_title,
          hostInstitutionId: choice[HASHED_ALIASES.host_institution_id],
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
