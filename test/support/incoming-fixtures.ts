import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** A short random tag that keeps each test's rows apart from the others'. */
export const shortTag = () => randomUUID().replace(/-/g, '').slice(0, 10);

export interface FixtureInstitution {
  id: string;
  schacCode: string;
}

export interface FixtureFaculty {
  id: string;
  code: string;
}

/**
 * The portal's own university (is_home). The reference data loads UMONS as home; on a database
 * without it, a stand-in is made (the partial unique index keeps a single home either way).
 */
export async function homeInstitution(t: TestApp): Promise<FixtureInstitution> {
  await t.dataSource.query(
    `INSERT INTO institutions (name, abbreviation, country_code, city, schac_code, is_home)
     VALUES ('Université de Mons', 'UMONS', 'BE', 'Mons', 'umons.ac.be', true) ON CONFLICT DO NOTHING`,
  );
  const [row] = (await t.dataSource.query(`SELECT id, schac_code FROM institutions WHERE is_home`)) as Array<{
    id: string;
    schac_code: string;
  }>;
  return { id: row.id, schacCode: row.schac_code };
}

/** A faculty of the home institution, with a unique code. */
export async function hostFaculty(t: TestApp, name = 'Faculty of Languages'): Promise<FixtureFaculty> {
  const home = await homeInstitution(t);
  const code = `F-${shortTag()}`;
  const [row] = (await t.dataSource.query(
    `INSERT INTO faculties (institution_id, name, code) VALUES ($1, $2, $3) RETURNING id`,
    [home.id, name, code],
  )) as Array<{ id: string }>;
  return { id: row.id, code };
}

/** A partner institution with a unique SCHAC code. */
export async function partnerInstitution(
  t: TestApp,
  name = 'Partner University',
): Promise<FixtureInstitution> {
  const schacCode = `partner-${shortTag()}.kz`;
  const [row] = (await t.dataSource.query(
    `INSERT INTO institutions (name, country_code, city, schac_code) VALUES ($1, 'KZ', 'Almaty', $2) RETURNING id`,
    [`${name} ${schacCode}`, schacCode],
  )) as Array<{ id: string }>;
  return { id: row.id, schacCode };
}

/** Al-Farabi Kazakh National University as the reference data loads it (made if missing). */
export async function alFarabi(t: TestApp): Promise<FixtureInstitution> {
  await t.dataSource.query(
    `INSERT INTO institutions (name, abbreviation, country_code, city, website, schac_code)
     VALUES ('Al-Farabi Kazakh National University', 'KazNU', 'KZ', 'Almaty', 'https://www.kaznu.kz', 'kaznu.kz')
     ON CONFLICT DO NOTHING`,
  );
  const [row] = (await t.dataSource.query(
    `SELECT id, schac_code FROM institutions WHERE schac_code = 'kaznu.kz'`,
  )) as Array<{
    id: string;
    schac_code: string;
  }>;
  return { id: row.id, schacCode: row.schac_code };
}

/** An agreement with `partnerId`. */
export async function agreementWith(t: TestApp, partnerId: string): Promise<string> {
  const [row] = (await t.dataSource.query(
    `INSERT INTO agreements (partner_institution_id, kind, outgoing_places_per_year, incoming_places_per_year,
       months_per_mobility, first_academic_year, last_academic_year, status)
     VALUES ($1, 'bilateral', 5, 5, 5, '2025/2026', '2029/2030', 'active') RETURNING id`,
    [partnerId],
  )) as Array<{ id: string }>;
  return row.id;
}

/** YYYY-MM-DD of the local date `offset` days from today. */
export function dayFromToday(offset = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A valid nomination body for the given partner and faculty. */
export function nomination(
  partnerId: string,
  facultyId: string,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    firstName: 'Aigerim',
    lastName: 'Nurlanovna',
    email: `student-${shortTag()}@kaznu.kz`,
    homeInstitutionId: partnerId,
    hostFacultyId: facultyId,
    academicYear: '2025/2026',
    term: 'spring',
    plannedArrival: '2026-02-01',
    plannedDeparture: '2026-06-30',
    ...fields,
  };
}
