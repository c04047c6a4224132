import { randomUUID } from 'node:crypto';
import type { User } from '../../src/users/user.entity.js';
import { insertInstitution } from './catalogue-fixtures.js';
import { confirmedMobility, outgoingWorld, worldProgramme, type OutgoingWorld } from './outgoing-fixtures.js';
import type { TestApp, TestUser } from './test-app.js';

/**
 * The learning agreement of the reference case, a UMONS student at Al-Farabi: 24 ECTS in spring
 * at the host (Russian and Kazakh titles), 20 recognised at home, people of both sides. `extra`
 * replaces or adds fields.
 */
export function alFarabiDraft(extra: Record<string, unknown> = {}) {
  return {
    tableA: [
      { title: 'Русский язык как иностранный', code: 'RKI-201', term: 'spring', ects: 10 },
      { title: 'Қазақ тілі', code: 'KAZ-101', term: 'spring', ects: 8 },
      {
        title: 'History of Central Asia',
        code: 'HIS-310',
        term: 'spring',
        ects: 6,
        recognitionConditions: 'Oral exam passed',
      },
    ],
    tableB: [
      { title: 'Langue russe III', code: 'UMONS-RU3', ects: 15 },
      { title: 'Option d’ouverture', code: 'UMONS-OPT', ects: 5 },
    ],
    languageCompetence: { language: 'ru', cefrLevel: 'B2' },
    sendingResponsible: {
      givenNames: 'Marie',
      familyName: 'Dupont',
      position: 'Erasmus coordinator',
      email: 'marie.dupont@umons.ac.be',
    },
    receivingResponsible: {
      givenNames: 'Айгерим',
      familyName: 'Садыкова',
      position: 'Международный отдел',
      email: 'aigerim.sadykova@kaznu.kz',
    },
    ...extra,
  };
}

/** Who takes part in a learning-agreement test: the host's partner and one of another institution. */
export interface AgreementCast {
  world: OutgoingWorld;
  advisor: TestUser;
  coordinator: TestUser;
  admin: TestUser;
  editor: TestUser;
  partner: TestUser;
  otherPartner: TestUser;
  otherStudent: TestUser;
}

/** A world whose host is named after Al-Farabi, and the people around it (names as given). */
export async function agreementCast(
  t: TestApp,
  names: { coordinator?: Partial<User>; partner?: Partial<User> } = {},
): Promise<AgreementCast> {
  const world = await outgoingWorld(t, {
    name: `Al-Farabi Kazakh National University ${randomUUID().slice(0, 4)}`,
  });
  const elsewhere = await insertInstitution(t, {
    name: `Other partner ${randomUUID().slice(0, 4)}`,
    countryCode: 'KZ',
  });
  return {
    world,
    advisor: await t.createUser('advisor'),
    coordinator: await t.createUser('coordinator', names.coordinator),
    admin: await t.createUser('admin'),
    editor: await t.createUser('editor'),
    partner: await t.createUser('partner', { ...names.partner, institutionId: world.host.id }),
    otherPartner: await t.createUser('partner', { institutionId: elsewhere.id }),
    otherStudent: await t.createUser('student'),
  };
}

/**
 * A UMONS student (Алия, a Kazakh family name of the test's own) with a confirmed mobility to the
 * host: its id, the agreement's API path and its page path (without the locale).
 */
export async function studentAbroad(
  t: TestApp,
  cast: AgreementCast,
  fields: Partial<User> = {},
): Promise<{ student: TestUser; lastName: string; id: string; api: string; page: string }> {
  const programme = await worldProgramme(t, cast.world);
  const lastName = `Сәрсенова ${randomUUID().slice(0, 4)}`;
  const student = await t.createUser('student', {
    firstName: 'Алия',
    lastName,
    homeFacultyId: cast.world.eii.id,
    studyLevel: 'bachelor',
    ...fields,
  });
  const { mobilityId } = await confirmedMobility(t, student, cast.advisor, programme.id, {
    birthDate: '2004-03-09',
    citizenship: 'KZ',
  });
  return {
    student,
    lastName: fields.lastName ?? lastName,
    id: mobilityId,
    api: `/api/outgoing/${mobilityId}/learning-agreement`,
    page: `/outgoing/${mobilityId}/learning-agreement`,
  };
}
