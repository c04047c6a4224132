import { Institution } from '../../src/institutions/institution.entity.js';
import { INSTITUTION_NAME_MATCHES } from '../../src/institutions/institutions.service.js';
import { ReferenceDataService } from '../../src/reference-data/reference-data.service.js';
import { catalogueStep } from '../../src/reference-data/steps/catalogue.step.js';
import { institutionBody, tag, fieldNames } from '../support/catalogue-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('Catalogue: institutions and faculties (e2e)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let admin: TestUser;
  let student: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.createUser('coordinator');
    admin = await t.createUser('admin');
    student = await t.createUser('student');
    editor = await t.createUser('editor');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('reference data', () => {
    it('lets anyone find Al-Farabi by "farabi", in Kazakhstan, without an Erasmus code', async () => {
      const response = await t.http.get('/api/institutions', { query: { q: 'farabi' } });
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'Al-Farabi Kazakh National University',
            countryCode: 'KZ',
            city: 'Almaty',
            schacCode: 'kaznu.kz',
            erasmusCode: null,
            isHome: false,
          }),
        ]),
      );
    });

    it('finds "Université de Mons" by "UNIVERSITE DE MONS": case and accents ignored; UMONS is home with its faculties', async () => {
      const response = await t.http.get('/api/institutions', { query: { q: 'UNIVERSITE DE MONS' } });
      expect(response.status).toBe(200);
      const umons = response.body.items.find(
        (item: { schacCode: string }) => item.schacCode === 'umons.ac.be',
      );
      expect(umons).toMatchObject({
        name: 'Université de Mons',
        abbreviation: 'UMONS',
        countryCode: 'BE',
        city: 'Mons',
        erasmusCode: 'B  MONS21',
        isHome: true,
      });

      const faculties = await t.http.get(`/api/institutions/${umons.id}/faculties`, {
        query: { limit: 100 },
      });
      expect(faculties.status).toBe(200);
      expect(faculties.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'EII', name: 'Faculty of Translation and Interpreting – EII' }),
          expect.objectContaining({ code: 'FLL', name: 'Faculty of Languages' }),
        ]),
      );
      expect(faculties.body.items.length).toBeGreaterThanOrEqual(4);
    });

    it('finds an institution by its exact abbreviation or SCHAC code too', async () => {
      for (const [q, schacCode] of [
        ['umons', 'umons.ac.be'],
        ['KazNU', 'kaznu.kz'],
        ['kaznu.kz', 'kaznu.kz'],
      ]) {
        const response = await t.http.get('/api/institutions', { query: { q } });
        expect(response.status).toBe(200);
        expect(response.body.items.map((item: { schacCode: string }) => item.schacCode)).toContain(schacCode);
      }
    });

    it('loads once: running the loader again adds nothing, and the step never overwrites an edit', async () => {
      const count = () => t.dataSource.query(`SELECT count(*)::int AS n FROM institutions`);
      const before = await count();
      await t.app.get(ReferenceDataService).load([catalogueStep]);
      expect(await count()).toEqual(before);

      // Even run again by hand on a database where UMONS was edited, the step keeps the edit.
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(
          `UPDATE institutions SET name = 'UMONS (edited)' WHERE schac_code = 'umons.ac.be'`,
        );
        const [{ n: programmesBefore }] = await runner.query(`SELECT count(*)::int AS n FROM programmes`);
        await catalogueStep.run(runner.manager);
        const [{ name }] = await runner.query(
          `SELECT name FROM institutions WHERE schac_code = 'umons.ac.be'`,
        );
        expect(name).toBe('UMONS (edited)');
        const [{ n: programmesAfter }] = await runner.query(`SELECT count(*)::int AS n FROM programmes`);
        expect(programmesAfter).toBe(programmesBefore);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  describe('writing', () => {
    it('lets a coordinator create an institution, which anyone can then read', async () => {
      const body = institutionBody({
        name: 'Université de Lille',
        abbreviation: 'ULille',
        countryCode: 'fr',
        website: 'https://www.univ-lille.fr',
        erasmusCode: `F  LILLE${tag().slice(0, 4)}`,
      });
      const created = await t.http.post('/api/institutions', body, { token: coordinator.token });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Université de Lille',
        abbreviation: 'ULille',
        countryCode: 'FR',
        city: 'Lille',
        website: 'https://www.univ-lille.fr',
        schacCode: body.schacCode,
        isHome: false,
      });
      const read = await t.http.get(`/api/institutions/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    });

    it('refuses students and editors (403) and anonymous callers (401)', async () => {
      for (const [token, status] of [
        [student.token, 403],
        [editor.token, 403],
        [undefined, 401],
      ] as const) {
        const body = institutionBody();
        const response = await t.http.post('/api/institutions', body, { token });
        expect(response.status).toBe(status);
        const rows = await t.dataSource
          .getRepository(Institution)
          .countBy({ schacCode: body.schacCode as string });
        expect(rows).toBe(0);
      }
    });

    it('answers a bad country code, a missing field and an unknown field with a 400 naming the field', async () => {
      const badCountry = await t.http.post('/api/institutions', institutionBody({ countryCode: 'XX' }), {
        token: coordinator.token,
      });
      expect(badCountry.status).toBe(400);
      expect(badCountry.body.fields).toEqual([expect.objectContaining({ field: 'countryCode' })]);
      expect(badCountry.body.message).toContain('countryCode');

      const { city: _city, ...withoutCity } = institutionBody();
      const missing = await t.http.post('/api/institutions', withoutCity, { token: coordinator.token });
      expect(missing.status).toBe(400);
      expect(missing.body.fields).toEqual([expect.objectContaining({ field: 'city' })]);

      const unknown = await t.http.post('/api/institutions', institutionBody({ rank: 1 }), {
        token: coordinator.token,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'rank' })]);

      const badSchac = await t.http.post(
        '/api/institutions',
        institutionBody({ schacCode: 'not a domain' }),
        {
          token: coordinator.token,
        },
      );
      expect(badSchac.status).toBe(400);
      expect(badSchac.body.fields).toEqual([expect.objectContaining({ field: 'schacCode' })]);
    });

    it('answers a duplicate schacCode (whatever its case) with a 409, on create and on update', async () => {
      const first = await t.http.post('/api/institutions', institutionBody(), { token: coordinator.token });
      expect(first.status).toBe(201);
      const duplicate = await t.http.post(
        '/api/institutions',
        institutionBody({ schacCode: first.body.schacCode.toUpperCase() }),
        { token: admin.token },
      );
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ code: 'SCHAC_CODE_TAKEN', fields: [{ field: 'schacCode' }] });

      const other = await t.http.post('/api/institutions', institutionBody(), { token: coordinator.token });
      const renamed = await t.http.patch(
        `/api/institutions/${other.body.id}`,
        { schacCode: first.body.schacCode },
        { token: coordinator.token },
      );
      expect(renamed.status).toBe(409);
      expect(renamed.body.code).toBe('SCHAC_CODE_TAKEN');
    });

    it('keeps exactly one home institution: a second one is a 409, and the home one cannot stop being it', async () => {
      const second = await t.http.post('/api/institutions', institutionBody({ isHome: true }), {
        token: coordinator.token,
      });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'HOME_INSTITUTION_EXISTS', fields: [{ field: 'isHome' }] });

      const partner = await t.http.post('/api/institutions', institutionBody(), { token: coordinator.token });
      const promoted = await t.http.patch(
        `/api/institutions/${partner.body.id}`,
        { isHome: true },
        { token: coordinator.token },
      );
      expect(promoted.status).toBe(409);
      expect(promoted.body.code).toBe('HOME_INSTITUTION_EXISTS');

      const [home] = await t.dataSource.query(`SELECT id FROM institutions WHERE is_home`);
      const demoted = await t.http.patch(
        `/api/institutions/${home.id}`,
        { isHome: false },
        { token: admin.token },
      );
      expect(demoted.status).toBe(409);
      expect(demoted.body.code).toBe('HOME_INSTITUTION_REQUIRED');
      expect(fieldNames(demoted.body)).toEqual(['isHome']);
      const homes = await t.dataSource.query(`SELECT schac_code FROM institutions WHERE is_home`);
      expect(homes).toEqual([{ schac_code: 'umons.ac.be' }]);
    });

    it('updates the fields sent, clears optional ones with null, and refuses null for required ones', async () => {
      const created = await t.http.post(
        '/api/institutions',
        institutionBody({ website: 'https://example.org', abbreviation: 'EX' }),
        { token: coordinator.token },
      );
      const updated = await t.http.patch(
        `/api/institutions/${created.body.id}`,
        { city: 'Roubaix', website: null, countryCode: 'be' },
        { token: admin.token },
      );
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        city: 'Roubaix',
        website: null,
        countryCode: 'BE',
        abbreviation: 'EX',
        name: created.body.name,
      });

      const nullName = await t.http.patch(
        `/api/institutions/${created.body.id}`,
        { name: null },
        {
          token: admin.token,
        },
      );
      expect(nullName.status).toBe(400);
      expect(nullName.body.fields).toEqual([expect.objectContaining({ field: 'name' })]);

      const badCountry = await t.http.patch(
        `/api/institutions/${created.body.id}`,
        { countryCode: 'ZZ' },
        {
          token: admin.token,
        },
      );
      expect(badCountry.status).toBe(400);
      expect(badCountry.body.fields).toEqual([expect.objectContaining({ field: 'countryCode' })]);

      const [row] = await t.dataSource.query(`SELECT name, country_code FROM institutions WHERE id = $1`, [
        created.body.id,
      ]);
      expect(row).toEqual({ name: created.body.name, country_code: 'BE' });
    });

    it('answers an unknown id with 404 and a malformed one with 400', async () => {
      const unknown = await t.http.get('/api/institutions/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      const malformed = await t.http.get('/api/institutions/not-a-uuid');
      expect(malformed.status).toBe(400);
    });
  });

  describe('faculties', () => {
    it('lets a coordinator add faculties, listed by code; a duplicate code is a 409', async () => {
      const institution = await t.http.post('/api/institutions', institutionBody(), {
        token: coordinator.token,
      });
      const url = `/api/institutions/${institution.body.id}/faculties`;
      for (const [code, name] of [
        ['LAW', 'Faculty of Law'],
        ['ART', 'Faculty of Arts'],
        ['MED', 'Faculty of Medicine'],
      ]) {
        const created = await t.http.post(url, { code, name }, { token: coordinator.token });
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({ code, name, institutionId: institution.body.id });
      }
      const duplicate = await t.http.post(url, { code: 'LAW', name: 'Law again' }, { token: admin.token });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ code: 'FACULTY_CODE_TAKEN', fields: [{ field: 'code' }] });

      const first = await t.http.get(url, { query: { limit: 2 } });
      expect(first.status).toBe(200);
      expect(first.body.items.map((f: { code: string }) => f.code)).toEqual(['ART', 'LAW']);
      const second = await t.http.get(url, { query: { limit: 2, cursor: first.body.nextCursor } });
      expect(second.body).toEqual({ items: [expect.objectContaining({ code: 'MED' })], nextCursor: null });
    });

    it('refuses students, and answers 404 for an unknown institution and 400 for a bad code', async () => {
      const institution = await t.http.post('/api/institutions', institutionBody(), {
        token: coordinator.token,
      });
      const url = `/api/institutions/${institution.body.id}/faculties`;
      const refused = await t.http.post(url, { code: 'X', name: 'X' }, { token: student.token });
      expect(refused.status).toBe(403);

      const missingUrl = '/api/institutions/00000000-0000-4000-8000-000000000000/faculties';
      expect((await t.http.get(missingUrl)).status).toBe(404);
      expect(
        (await t.http.post(missingUrl, { code: 'X', name: 'X' }, { token: coordinator.token })).status,
      ).toBe(404);

      const badCode = await t.http.post(url, { code: 'has space', name: 'X' }, { token: coordinator.token });
      expect(badCode.status).toBe(400);
      expect(badCode.body.fields).toEqual([expect.objectContaining({ field: 'code' })]);
    });
  });

  describe('listing', () => {
    it('pages 60 matching institutions 7 at a time: each exactly once, in a stable order', async () => {
      const marker = tag();
      const created = new Set<string>();
      for (let i = 0; i < 60; i += 1) {
        // Names repeat (20 distinct names, 3 of each): the id breaks the ties.
        const response = await t.http.post(
          '/api/institutions',
          institutionBody({ name: `École Paging ${marker} ${String(i % 20).padStart(2, '0')}` }),
          { token: coordinator.token },
        );
        expect(response.status).toBe(201);
        created.add(response.body.id);
      }
      // A non-matching institution created meanwhile must not show.
      await t.http.post('/api/institutions', institutionBody({ name: `Other ${marker}` }), {
        token: coordinator.token,
      });

      const walk = async (): Promise<{ ids: string[]; pages: number }> => {
        const ids: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await t.http.get('/api/institutions', {
            query: { q: `ecole paging ${marker}`, limit: 7, cursor },
          });
          expect(page.status).toBe(200);
          expect(page.body.items.length).toBeLessThanOrEqual(7);
          ids.push(...page.body.items.map((item: { id: string }) => item.id));
          cursor = page.body.nextCursor ?? undefined;
          pages += 1;
        } while (cursor);
        return { ids, pages };
      };

      const first = await walk();
      expect(first.pages).toBe(9);
      expect(first.ids).toHaveLength(60);
      expect(new Set(first.ids)).toEqual(created);
      // The order is the database's name-then-id order, and a second walk gives the same.
      const expected = await t.dataSource.query(
        `SELECT id FROM institutions WHERE name LIKE $1 ORDER BY name, id`,
        [`École Paging ${marker} %`],
      );
      expect(first.ids).toEqual(expected.map((row: { id: string }) => row.id));
      expect((await walk()).ids).toEqual(first.ids);
    });

    it('gives a cursor that works after an institution with the longest name, in Cyrillic', async () => {
      const marker = tag();
      // 200 characters, most of them two bytes in UTF-8: the cursor carries the whole name.
      const name = (n: number) => `${marker} ${n} ${'Ж'.repeat(200)}`.slice(0, 200);
      for (const n of [1, 2]) {
        const response = await t.http.post('/api/institutions', institutionBody({ name: name(n) }), {
          token: coordinator.token,
        });
        expect(response.status).toBe(201);
      }
      const first = await t.http.get('/api/institutions', { query: { q: marker, limit: 1 } });
      expect(first.body.items.map((item: { name: string }) => item.name)).toEqual([name(1)]);
      const second = await t.http.get('/api/institutions', {
        query: { q: marker, limit: 1, cursor: first.body.nextCursor },
      });
      expect(second.status).toBe(200);
      expect(second.body.items.map((item: { name: string }) => item.name)).toEqual([name(2)]);
    });

    it('filters by country and matches search text literally (% and _ are not wildcards)', async () => {
      const marker = tag();
      const plain = await t.http.post(
        '/api/institutions',
        institutionBody({ name: `Escape ${marker} AxB`, countryCode: 'PT' }),
        {
          token: coordinator.token,
        },
      );
      const underscore = await t.http.post(
        '/api/institutions',
        institutionBody({ name: `Escape ${marker} A_B 100%`, countryCode: 'ES' }),
        { token: coordinator.token },
      );
      const ids = async (query: Record<string, string>) =>
        (await t.http.get('/api/institutions', { query })).body.items.map((item: { id: string }) => item.id);

      expect(await ids({ q: `${marker} a_b` })).toEqual([underscore.body.id]);
      expect(new Set(await ids({ q: `${marker} a` }))).toEqual(new Set([plain.body.id, underscore.body.id]));
      expect(await ids({ q: `${marker}%` })).toEqual([]);
      expect(await ids({ q: `B 100%` })).toContain(underscore.body.id);
      expect(await ids({ q: `escape ${marker}`, countryCode: 'pt' })).toEqual([plain.body.id]);
      expect(await ids({ q: `escape ${marker}`, countryCode: 'ES' })).toEqual([underscore.body.id]);
    });

    it('answers bad list parameters with a 400 naming them', async () => {
      for (const [query, field] of [
        [{ limit: '0' }, 'limit'],
        [{ limit: '101' }, 'limit'],
        [{ countryCode: 'XX' }, 'countryCode'],
        [{ cursor: 'garbage' }, 'cursor'],
        [{ sort: 'name' }, 'sort'],
      ] as const) {
        const response = await t.http.get('/api/institutions', { query });
        expect(response.status).toBe(400);
        expect(fieldNames(response.body)).toEqual([field]);
      }
    });

    it('searches names through the trigram index', async () => {
      // On a realistic table (rows added in a transaction that is rolled back), the planner picks the index.
      const plan = await t.dataSource
        .transaction(async (manager) => {
          await manager.query(
            `INSERT INTO institutions (name, country_code, city, schac_code)
             SELECT 'Planning University ' || g, 'FR', 'Paris', 'plan-' || g || '-' || gen_random_uuid() || '.example.org'
             FROM generate_series(1, 3000) AS g`,
          );
          await manager.query('ANALYZE institutions');
          const sql = `EXPLAIN SELECT i.id FROM institutions i WHERE ${INSTITUTION_NAME_MATCHES.replace(':q', '$1')}`;
          const rows: Array<Record<string, string>> = await manager.query(sql, ['farabi']);
          throw new PlanFound(rows.map((row) => row['QUERY PLAN']).join('\n'));
        })
        .catch((error: unknown) => {
          if (error instanceof PlanFound) return error.plan;
          throw error;
        });
      expect(plan).toContain('institutions_name_search_idx');
    });
  });
});

/** Carries an EXPLAIN out of a transaction that must roll back. */
class PlanFound extends Error {
  constructor(readonly plan: string) {
    super('plan found');
  }
}
