import { Application } from '../../../src/applications/application.entity.js';
import { ApplicationChoice } from '../../../src/applications/application-choice.entity.js';
import { insertInstitution, insertProgramme } from '../../support/catalogue-fixtures.js';
import { pageOnly, type Caller, type MatrixContext, type MatrixRow } from '../matrix.js';

const READERS: Caller[] = ['advisor', 'coordinator', 'admin'];
const DECIDERS: Caller[] = ['advisor', 'admin'];

const fixtures = new WeakMap<MatrixContext, Promise<string>>();

/** A submitted application of `student` with one declared skill (made once per matrix run). */
function submittedId(context: MatrixContext): Promise<string> {
  let made = fixtures.get(context);
  if (!made) {
    made = (async ({ t, users }: MatrixContext) => {
      const host = await insertInstitution(t, { name: 'Review pages host', countryCode: 'KZ' });
      const programme = await insertProgramme(t, host.id, {
        title: 'Review pages programme',
        academicYear: '2024/2025',
        status: 'published',
      });
      const application = await t.dataSource.getRepository(Application).save({
        studentId: users.student.id,
        academicYear: '2024/2025',
        term: 'autumn' as const,
        status: 'submitted' as const,
        submittedAt: new Date(),
        languageSkills: [{ language: 'en', cefrLevel: 'B2' as const }],
      });
      await t.dataSource
        .getRepository(ApplicationChoice)
        .save({ applicationId: application.id, rank: 1, programmeId: programme.id });
      return application.id;
    })(context);
    fixtures.set(context, made);
  }
  return made;
}

/** The staff pages of applications: queue, application, decision and verification forms. */
export const reviewPagesRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/:locale/review',
    expect: pageOnly(READERS, 200),
    prepare: () => ({ url: '/en/review' }),
  },
  {
    method: 'GET',
    path: '/:locale/review/:id',
    expect: pageOnly(READERS, 200),
    prepare: async (context) => ({ url: `/fr/review/${await submittedId(context)}` }),
  },
  // An empty decision comes back with its errors: nothing is decided.
  {
    method: 'POST',
    path: '/:locale/review/:id/decision',
    expect: pageOnly(DECIDERS, 400),
    prepare: async (context) => ({ url: `/en/review/${await submittedId(context)}/decision`, body: {} }),
  },
  // A level that is not one: nothing is verified.
  {
    method: 'POST',
    path: '/:locale/review/:id/language-skills/:index',
    expect: pageOnly(DECIDERS, 400),
    prepare: async (context) => ({
      url: `/ru/review/${await submittedId(context)}/language-skills/0`,
      body: { 'cefrLevel.0': 'Z9' },
    }),
  },
];
