// The selection-round scenario of `npm run bench`: a round over 20,000 submitted, rated
// applications and 400 closed programmes, made for the occasion in an academic year of its own
// (with 20,000 students of its own), previewed then committed through the portal's API, each
// request timed; everything it made is deleted afterwards, so runs repeat.
import { withClient } from './database.js';
import { round } from './load.js';

export const ROUND_APPLICATIONS = 20_000;
export const ROUND_PROGRAMMES = 400;
const YEAR = '2090/2091';
const TERM = 'autumn';
const EMAIL_SUFFIX = '@bench-round.portal';
const TITLE_PREFIX = 'Bench round programme ';

/**
 * Deletes what an earlier (possibly interrupted) run of this scenario left.
 * @param {import('pg').Client} client
 */
async function cleanUp(client) {
  await client.query(
    `DELETE FROM notifications WHERE recipient_id IN (SELECT id FROM users WHERE email LIKE '%${EMAIL_SUFFIX}')`,
  );
  await client.query(`DELETE FROM selection_rounds WHERE academic_year = $1`, [YEAR]);
  await client.query(
    `DELETE FROM application_events WHERE application_id IN (SELECT id FROM applications WHERE academic_year = $1)`,
    [YEAR],
  );
  await client.query(`DELETE FROM applications WHERE academic_year = $1`, [YEAR]);
  await client.query(`DELETE FROM programmes WHERE academic_year = $1 AND title LIKE '${TITLE_PREFIX}%'`, [
    YEAR,
  ]);
  await client.query(`DELETE FROM users WHERE email LIKE '%${EMAIL_SUFFIX}'`);
}

/**
 * @param {{ url: string, baseUrl: string, token: string, advisorId: string, log: (message: string) => void }} context
 */
export async function roundsScenario({ url, baseUrl, token, advisorId, log }) {
  await withClient(url, async (client) => {
    await cleanUp(client);
    await client.query(`SELECT setseed(0.2026)`);
    const { rows: hosts } = await client.query(
      `SELECT id FROM institutions WHERE NOT is_home ORDER BY id LIMIT 50`,
    );
    const { rows: faculties } = await client.query(
      `SELECT f.id FROM faculties f JOIN institutions i ON i.id = f.institution_id WHERE i.is_home ORDER BY f.id`,
    );
    const facultyIds = faculties.map((row) => String(row.id));
    // 400 programmes, closed yesterday, 10 to 40 places (about 10,000 in all for 20,000 students);
    // a fifth limited to some home faculties, a fifth with a language level.
    await client.query(
      `INSERT INTO programmes (title, host_institution_id, academic_year, term, start_date, end_date,
                               application_opens_at, application_closes_at, places, status,
                               eligible_faculty_ids, language_of_instruction, min_language_level)
       SELECT $1 || g, ($2::uuid[])[1 + (g % cardinality($2::uuid[]))], $3, $4,
              (now() + interval '60 days')::date, (now() + interval '180 days')::date,
              now() - interval '30 days', now() - interval '1 day', 10 + floor(random() * 31)::int, 'published',
              CASE WHEN g % 5 = 0 AND cardinality($5::uuid[]) > 1 THEN ($5::uuid[])[1:greatest(1, cardinality($5::uuid[]) / 2)] ELSE '{}'::uuid[] END,
              CASE WHEN g % 5 = 1 THEN 'en' WHEN g % 5 = 2 THEN 'fr' ELSE NULL END,
              CASE WHEN g % 5 = 1 THEN 'B2' ELSE NULL END
         FROM generate_series(1, $6::int) AS g`,
      [TITLE_PREFIX, hosts.map((row) => String(row.id)), YEAR, TERM, facultyIds, ROUND_PROGRAMMES],
    );
    const { rows: hash } = await client.query(
      `SELECT password_hash FROM users WHERE role = 'student' LIMIT 1`,
    );
    await client.query(
      `INSERT INTO users (email, password_hash, first_name, last_name, role, home_faculty_id)
       SELECT 'student' || g || $1, $2, 'Round', 'Student ' || g, 'student',
              CASE WHEN cardinality($3::uuid[]) = 0 THEN NULL ELSE ($3::uuid[])[1 + (g % cardinality($3::uuid[]))] END
         FROM generate_series(1, $4::int) AS g`,
      [EMAIL_SUFFIX, hash[0]?.password_hash ?? 'x', facultyIds, ROUND_APPLICATIONS],
    );
    await client.query(
      `INSERT INTO applications (student_id, academic_year, term, status, motivation, grade_average, language_skills, submitted_at, version)
       SELECT u.id, $1, $2, 'submitted', 'Bench motivation', round((8 + random() * 12)::numeric, 2),
              jsonb_build_array(jsonb_build_object('language', 'en', 'cefrLevel', (ARRAY['A2','B1','B2','C1','C2'])[1 + floor(random() * 5)::int],
                                                   'status', 'declared', 'declaredLevel', 'B1', 'verifiedById', NULL, 'verifiedAt', NULL)),
              now() - interval '10 days', 1
         FROM users u WHERE u.email LIKE '%' || $3`,
      [YEAR, TERM, EMAIL_SUFFIX],
    );
    // 1 to 3 distinct choices each, popular programmes (low numbers) chosen more.
    await client.query(
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY title) AS n FROM programmes WHERE academic_year = $1 AND title LIKE $2 || '%'),
            a AS (SELECT id, 1 + floor(random() * 3)::int AS k FROM applications WHERE academic_year = $1),
            picks AS (SELECT a.id, c.rank, 1 + floor(power(random(), 2) * $3)::int AS n FROM a, generate_series(1, a.k) AS c(rank)),
            distinct_picks AS (SELECT DISTINCT ON (id, n) id, rank, n FROM picks ORDER BY id, n, rank)
       INSERT INTO application_choices (application_id, rank, programme_id)
       SELECT d.id, row_number() OVER (PARTITION BY d.id ORDER BY d.rank), p.id FROM distinct_picks d JOIN p ON p.n = d.n`,
      [YEAR, TITLE_PREFIX, ROUND_PROGRAMMES],
    );
    await client.query(
      `INSERT INTO application_assessments (application_id, motivation_rating, assessed_by_id, assessed_at)
       SELECT id, floor(random() * 6)::int, $2, now() FROM applications WHERE academic_year = $1`,
      [YEAR, advisorId],
    );
    await client.query('ANALYZE programmes; ANALYZE applications; ANALYZE application_choices');
  });

  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const timed = async (/** @type {string} */ path, /** @type {unknown} */ body) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const answer = /** @type {any} */ (await response.json());
    return { status: response.status, answer, ms: performance.now() - started };
  };
  const preview = await timed('/api/selection-rounds', {
    academicYear: YEAR,
    term: TERM,
    weights: { grade: 1, language: 1, motivation: 1 },
  });
  if (preview.status !== 201)
    throw new Error(
      `The round's preview answered ${preview.status}: ${JSON.stringify(preview.answer).slice(0, 500)}`,
    );
  const commit = await timed(`/api/selection-rounds/${preview.answer.id}/commit`, {});
  if (commit.status !== 200)
    throw new Error(
      `The round's commit answered ${commit.status}: ${JSON.stringify(commit.answer).slice(0, 500)}`,
    );
  const check = await withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM applications WHERE academic_year = $1 AND status = 'approved') AS approved,
              (SELECT count(*)::int FROM programmes WHERE academic_year = $1 AND places_taken > places) AS overbooked,
              (SELECT sum(places_taken)::int FROM programmes WHERE academic_year = $1) AS taken`,
      [YEAR],
    );
    await cleanUp(client);
    return rows[0];
  });
  const report = {
    applications: preview.answer.applicationCount,
    programmes: preview.answer.programmes.length,
    placed: preview.answer.placedCount,
    approved: check.approved,
    placesTaken: check.taken,
    overbooked: check.overbooked,
    previewSeconds: round(preview.ms / 1000),
    commitSeconds: round(commit.ms / 1000),
  };
  log(
    `  ${report.applications.toLocaleString('en')} applications, ${report.programmes} programmes: ${report.placed.toLocaleString('en')} placed; preview ${report.previewSeconds} s, commit ${report.commitSeconds} s; ${report.approved.toLocaleString('en')} approved, ${report.overbooked} programmes overbooked`,
  );
  return report;
}
