import { Agreement } from '../../src/agreements/agreement.entity.js';
import { Faculty } from '../../src/institutions/faculty.entity.js';
import type { Institution } from '../../src/institutions/institution.entity.js';
import type { Programme } from '../../src/programmes/programme.entity.js';
import { homeFaculty, insertInstitution, insertProgramme, tag } from './catalogue-fixtures.js';
import type { TestApp, TestUser } from './test-app.js';

export const MOTIVATION =
  'I study Russian and Kazakh and want to follow the language and culture courses at Al-Farabi.';

export interface OutgoingWorld {
  host: Institution;
  hostFaculty: Faculty;
  agreement: Agreement;
  /** The home faculty of the agreement and of the fixture students (EII). */
  eii: Faculty;
}

/**
 * A partner host (no Erasmus code, like Al-Farabi) with a faculty, and an active agreement with it
 * (ISCED 0231, Russian B1), made straight in the database.
 */
export async function outgoingWorld(
  t: TestApp,
  hostFields: Partial<Institution> = {},
): Promise<OutgoingWorld> {
  const host = await insertInstitution(t, {
    name: `Kazakh Host University ${tag()}`,
    countryCode: 'KZ',
    city: 'Almaty',
    erasmusCode: null,
    ...hostFields,
  });
  const hostFaculty = await t.dataSource
    .getRepository(Faculty)
    .save({ institutionId: host.id, name: 'Faculty of Philology', code: `PHIL-${tag()}` });
  const eii = await homeFaculty(t, 'EII');
  const agreement = await t.dataSource.getRepository(Agreement).save({
    partnerInstitutionId: host.id,
    facultyId: eii.id,
    kind: 'bilateral',
    subjectAreas: ['0231'],
    languageCode: 'ru',
    languageCefrLevel: 'B1',
    outgoingPlacesPerYear: 5,
    incomingPlacesPerYear: 5,
    monthsPerMobility: 5,
    firstAcademicYear: '2024/2025',
    lastAcademicYear: '2028/2029',
    status: 'active',
  } as Partial<Agreement>);
  return { host, hostFaculty, agreement, eii };
}

/** A published programme of the world's agreement (spring 2025/2026, taught in Russian, B1). */
export function worldProgramme(t: TestApp, world: OutgoingWorld, fields: Partial<Programme> = {}) {
  return insertProgramme(t, world.host.id, {
    academicYear: '2025/2026',
    term: 'spring',
    agreementId: world.agreement.id,
    languageOfInstruction: 'ru',
    minLanguageLevel: 'B1',
    places: 5,
    status: 'published',
    ...fields,
  });
}

/** A submitted application of `student` for `programmeId`, Russian declared at B2. */
export async function submittedApplication(t: TestApp, student: TestUser, programmeId: string) {
  const created = await t.http.post(
    '/api/applications',
    { choices: [programmeId], motivation: MOTIVATION, languageSkills: [{ language: 'ru', cefrLevel: 'B2' }] },
    { token: student.token },
  );
  if (created.status !== 201) throw new Error(`draft: ${created.status} ${created.text}`);
  const submitted = await t.http.post(`/api/applications/${created.body.id}/submit`, undefined, {
    token: student.token,
  });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
  return submitted.body as { id: string };
}

/** Submitted, approved by `advisor` and confirmed by the student: answers the mobility's id. */
export async function confirmedMobility(
  t: TestApp,
  student: TestUser,
  advisor: TestUser,
  programmeId: string,
  confirmBody: Record<string, unknown> = {},
): Promise<{ applicationId: string; mobilityId: string }> {
  const application = await submittedApplication(t, student, programmeId);
  const approved = await t.http.post(
    `/api/applications/${application.id}/decision`,
    { outcome: 'approve' },
    { token: advisor.token },
  );
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${approved.text}`);
  const confirmed = await t.http.post(`/api/applications/${application.id}/confirm`, confirmBody, {
    token: student.token,
  });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status} ${confirmed.text}`);
  const [row] = (await t.dataSource.query(`SELECT id FROM outgoing_mobilities WHERE application_id = $1`, [
    application.id,
  ])) as Array<{ id: string }>;
  return { applicationId: application.id, mobilityId: row.id };
}
