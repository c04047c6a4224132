import type { EntityManager } from 'typeorm';
import { Agreement } from '../../agreements/agreement.entity.js';
import { Faculty } from '../../institutions/faculty.entity.js';
import { Institution } from '../../institutions/institution.entity.js';
import { Programme } from '../../programmes/programme.entity.js';
import type { ReferenceDataStep } from '../reference-data-step.js';

export const UMONS_SCHAC_CODE = 'umons.ac.be';
export const AL_FARABI_SCHAC_CODE = 'kaznu.kz';
export const AL_FARABI_PROGRAMME_TITLE = 'Semester at Al-Farabi Kazakh National University, spring 2026';

const UMONS_FACULTIES = [
  { code: 'EII', name: 'Faculty of Translation and Interpreting – EII' },
  { code: 'FLL', name: 'Faculty of Languages' },
  { code: 'FS', name: 'Faculty of Science' },
  { code: 'FPMS', name: 'Faculty of Engineering' },
  { code: 'FWEG', name: 'Warocqué School of Business and Economics' },
  { code: 'FPSE', name: 'Faculty of Psychology and Education' },
  { code: 'FMPSB', name: 'Faculty of Medicine, Pharmacy and Biomedical Sciences' },
  { code: 'FAU', name: 'Faculty of Architecture and Urban Planning' },
];

const PROGRAMME_DESCRIPTION = `A spring semester in Almaty for UMONS students, organised with Al-Farabi Kazakh National University under the bilateral agreement between the two universities.

Students follow Russian language courses and courses on the culture of Kazakhstan, and take part in the inter-university academic activities that Al-Farabi offers to its exchange students. The semester runs from early February to the end of June 2026.

Five places are available. Students of the Faculty of Translation and Interpreting – EII may apply; a B1 level in Russian is expected.`;

/** Finds a row by a natural key, or inserts it: a database that already has it keeps it as it is. */
async function findOrInsert<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  where: Partial<T>,
  values: Partial<T>,
): Promise<T> {
  const existing = await manager.findOneBy(entity, where as never);
  if (existing) return existing;
  return manager.save(entity, manager.create(entity, { ...where, ...values } as never) as T);
}

/**
 * The reference case: UMONS (home) and its faculties, Al-Farabi Kazakh National University, the
 * agreement between them and the spring 2026 semester at Al-Farabi with its 5 places.
 */
export const catalogueStep: ReferenceDataStep = {
  name: 'catalogue-umons-al-farabi',
  async run(manager) {
    const umons = await findOrInsert(
      manager,
      Institution,
      { schacCode: UMONS_SCHAC_CODE },
      {
        name: 'Université de Mons',
        abbreviation: 'UMONS',
        countryCode: 'BE',
        city: 'Mons',
        website: 'https://web.umons.ac.be',
        erasmusCode: 'B  MONS21',
        // The home flag only if no other institution has it (the database allows one).
        isHome: !(await manager.existsBy(Institution, { isHome: true })),
      },
    );
    const faculties = new Map<string, Faculty>();
    for (const faculty of UMONS_FACULTIES) {
      faculties.set(
        faculty.code,
        await findOrInsert(
          manager,
          Faculty,
          { institutionId: umons.id, code: faculty.code },
          { name: faculty.name },
        ),
      );
    }
    const alFarabi = await findOrInsert(
      manager,
      Institution,
      { schacCode: AL_FARABI_SCHAC_CODE },
      {
        name: 'Al-Farabi Kazakh National University',
        abbreviation: 'KazNU',
        countryCode: 'KZ',
        city: 'Almaty',
        website: 'https://www.kaznu.kz',
        erasmusCode: null,
        isHome: false,
      },
    );
    const translation = faculties.get('EII')!;
    const agreement = await findOrInsert(
      manager,
      Agreement,
      { partnerInstitutionId: alFarabi.id, kind: 'bilateral', firstAcademicYear: '2025/2026' },
      {
        facultyId: translation.id,
        subjectAreas: ['0231'],
        languageCode: 'ru',
        languageCefrLevel: 'B1',
        outgoingPlacesPerYear: 5,
        incomingPlacesPerYear: 5,
        monthsPerMobility: 5,
        lastAcademicYear: '2027/2028',
        status: 'active',
      },
    );
    await findOrInsert(
      manager,
      Programme,
      { title: AL_FARABI_PROGRAMME_TITLE, hostInstitutionId: alFarabi.id },
      {
        agreementId: agreement.id,
        academicYear: '2025/2026',
        term: 'spring',
        startDate: '2026-02-02',
        endDate: '2026-06-30',
        applicationOpensAt: new Date('2025-10-01T08:00:00.000Z'),
        applicationClosesAt: new Date('2025-11-30T22:59:59.000Z'),
        places: 5,
        eligibleFacultyIds: [translation.id],
        languageOfInstruction: 'ru',
        minLanguageLevel: 'B1',
        description: PROGRAMME_DESCRIPTION,
        status: 'published',
      },
    );
  },
};
