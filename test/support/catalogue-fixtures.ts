import { randomUUID } from 'node:crypto';
import { Faculty } from '../../src/institutions/faculty.entity.js';
import { Institution } from '../../src/institutions/institution.entity.js';
import { Programme } from '../../src/programmes/programme.entity.js';
import type { TestApp } from './test-app.js';

const DAY = 24 * 60 * 60 * 1000;

export const tag = () => randomUUID().slice(0, 8);

/** A valid POST /api/institutions body with a unique schacCode. */
export function institutionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = tag();
  return {
    name: `Test University ${id}`,
    countryCode: 'FR',
    city: 'Lille',
    schacCode: `u-${id}.example.org`,
    ...overrides,
  };
}

/** YYYY-MM-DD of a day `days` from now. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

/** A valid POST /api/programmes body whose application window is open now. */
export function programmeBody(hostInstitutionId: string, overrides: Record<string, unknown> = {}) {
  return {
    title: `Test semester ${tag()}`,
    hostInstitutionId,
    academicYear: '2026/2027',
    term: 'spring',
    startDate: dayFromNow(60),
    endDate: dayFromNow(180),
    applicationOpensAt: new Date(Date.now() - DAY).toISOString(),
    applicationClosesAt: new Date(Date.now() + 30 * DAY).toISOString(),
    places: 4,
    ...overrides,
  };
}

/** A partner institution straight in the database. */
export async function insertInstitution(t: TestApp, fields: Partial<Institution> = {}): Promise<Institution> {
  const id = tag();
  return t.dataSource.getRepository(Institution).save({
    name: `Fixture University ${id}`,
    countryCode: 'DE',
    city: 'Aachen',
    schacCode: `f-${id}.example.org`,
    ...fields,
  });
}

/** A programme straight in the database (a draft with an open window unless told otherwise). */
export async function insertProgramme(
  t: TestApp,
  hostInstitutionId: string,
  fields: Partial<Programme> = {},
): Promise<Programme> {
  return t.dataSource.getRepository(Programme).save({
    title: `Fixture semester ${tag()}`,
    hostInstitutionId,
    academicYear: '2026/2027',
    term: 'spring',
    startDate: dayFromNow(60),
    endDate: dayFromNow(180),
    applicationOpensAt: new Date(Date.now() - DAY),
    applicationClosesAt: new Date(Date.now() + 30 * DAY),
    places: 4,
    status: 'draft',
    ...fields,
  } as Partial<Programme>);
}

/** A faculty of the home institution (UMONS in the reference data), by code. */
export async function homeFaculty(t: TestApp, code: string): Promise<Faculty> {
  return t.dataSource
    .getRepository(Faculty)
    .createQueryBuilder('f')
    .innerJoin('f.institution', 'i', 'i.is_home')
    .where('f.code = :code', { code })
    .getOneOrFail();
}

export async function institutionBySchacCode(t: TestApp, schacCode: string): Promise<Institution> {
  return t.dataSource.getRepository(Institution).findOneByOrFail({ schacCode });
}

/** The field names a 400 or 409 answer names (`fields: [{ field, problems }]`). */
export function fieldNames(body: { fields?: Array<{ field: string }> }): string[] {
  return (body.fields ?? []).map((entry) => entry.field);
}
