import { Agreement } from '../../src/agreements/agreement.entity.js';
import {
  homeFaculty,
  institutionBody,
  institutionBySchacCode,
  insertInstitution,
  fieldNames,
} from '../support/catalogue-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

describe('Catalogue: agreements (e2e)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let admin: TestUser;
  let advisor: TestUser;
  let editor: TestUser;
  let student: TestUser;
  let eiiId: string;

  const agreementBody = (partnerInstitutionId: string, overrides: Record<string, unknown> = {}) => ({
    partnerInstitutionId,
    kind: 'erasmus-icm',
    subjectAreas: ['0231', '0232'],
    languageRequirement: { language: 'en', cefrLevel: 'B2' },
    outgoingPlacesPerYear: 2,
    incomingPlacesPerYear: 3,
    monthsPerMobility: 5,
    firstAcademicYear: '2025/2026',
    lastAcademicYear: '2026/2027',
    status: 'active',
    ...overrides,
  });

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.createUser('coordinator');
    admin = await t.createUser('admin');
    advisor = await t.createUser('advisor');
    editor = await t.createUser('editor');
    student = await t.createUser('student');
    eiiId = (await homeFaculty(t, 'EII')).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds the reference agreement between UMONS and Al-Farabi, readable by staff', async () => {
    const alFarabi = await institutionBySchacCode(t, 'kaznu.kz');
    const response = await t.http.get('/api/agreements', {
      token: advisor.token,
      query: { partnerInstitutionId: alFarabi.id, status: 'active', academicYear: '2025/2026' },
    });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        partnerInstitutionId: alFarabi.id,
        partnerInstitution: expect.objectContaining({
          name: 'Al-Farabi Kazakh National University',
          countryCode: 'KZ',
        }),
        facultyId: eiiId,
        kind: 'bilateral',
        subjectAreas: ['0231'],
        languageRequirement: { language: 'ru', cefrLevel: 'B1' },
        status: 'active',
        firstAcademicYear: '2025/2026',
      }),
    ]);
    expect(response.body.items[0].outgoingPlacesPerYear).toBeGreaterThanOrEqual(5);
  });

  it('lets a coordinator record an agreement that staff can read, but not students or editors', async () => {
    const partner = await insertInstitution(t);
    const created = await t.http.post('/api/agreements', agreementBody(partner.id, { facultyId: eiiId }), {
      token: coordinator.token,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      partnerInstitutionId: partner.id,
      partnerInstitution: { id: partner.id, name: partner.name },
      facultyId: eiiId,
      kind: 'erasmus-icm',
      subjectAreas: ['0231', '0232'],
      languageRequirement: { language: 'en', cefrLevel: 'B2' },
      outgoingPlacesPerYear: 2,
      incomingPlacesPerYear: 3,
      monthsPerMobility: 5,
      firstAcademicYear: '2025/2026',
      lastAcademicYear: '2026/2027',
      status: 'active',
    });
    const row = await t.dataSource.getRepository(Agreement).findOneByOrFail({ id: created.body.id });
    expect(row).toMatchObject({ languageCode: 'en', languageCefrLevel: 'B2' });

    for (const reader of [advisor, coordinator, admin]) {
      const read = await t.http.get(`/api/agreements/${created.body.id}`, { token: reader.token });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    }
    for (const outsider of [student, editor]) {
      expect((await t.http.get(`/api/agreements/${created.body.id}`, { token: outsider.token })).status).toBe(
        403,
      );
      expect((await t.http.get('/api/agreements', { token: outsider.token })).status).toBe(403);
    }
    expect((await t.http.get(`/api/agreements/${created.body.id}`)).status).toBe(401);

    const count = await t.dataSource.getRepository(Agreement).countBy({ partnerInstitutionId: partner.id });
    for (const writer of [student, editor, advisor]) {
      const refused = await t.http.post('/api/agreements', agreementBody(partner.id), {
        token: writer.token,
      });
      expect(refused.status).toBe(403);
    }
    expect(await t.dataSource.getRepository(Agreement).countBy({ partnerInstitutionId: partner.id })).toBe(
      count,
    );
  });

  it('defaults to a university-wide draft without a language requirement', async () => {
    const partner = await insertInstitution(t);
    const { languageRequirement: _l, status: _s, subjectAreas: _a, ...minimal } = agreementBody(partner.id);
    const created = await t.http.post('/api/agreements', minimal, { token: admin.token });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      facultyId: null,
      languageRequirement: null,
      subjectAreas: [],
      status: 'draft',
    });
  });

  it('answers malformed fields with a 400 naming each', async () => {
    const partner = await insertInstitution(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ subjectAreas: ['231'] }, 'subjectAreas'],
      [{ kind: 'friendship' }, 'kind'],
      [{ languageRequirement: { language: 'xx', cefrLevel: 'B2' } }, 'languageRequirement.language'],
      [{ languageRequirement: { language: 'en', cefrLevel: 'D1' } }, 'languageRequirement.cefrLevel'],
      [{ languageRequirement: { language: 'en' } }, 'languageRequirement.cefrLevel'],
      [{ languageRequirement: [] }, 'languageRequirement'],
      [{ languageRequirement: 'en B2' }, 'languageRequirement'],
      [{ firstAcademicYear: '2025/2027' }, 'firstAcademicYear'],
      [{ lastAcademicYear: '2026' }, 'lastAcademicYear'],
      [{ monthsPerMobility: 0 }, 'monthsPerMobility'],
      [{ outgoingPlacesPerYear: -1 }, 'outgoingPlacesPerYear'],
      [{ status: 'signed' }, 'status'],
      [{ facultyId: 'nope' }, 'facultyId'],
      [{ signedBy: 'someone' }, 'signedBy'],
    ];
    for (const [override, field] of cases) {
      const response = await t.http.post('/api/agreements', agreementBody(partner.id, override), {
        token: coordinator.token,
      });
      expect({ override, status: response.status }).toEqual({ override, status: 400 });
      expect(response.body.fields.map((entry: { field: string }) => entry.field)).toEqual([field]);
    }
  });

  it('answers years out of order and unknown or unfit references with a 400 naming the fields', async () => {
    const partner = await insertInstitution(t);
    const reversed = await t.http.post(
      '/api/agreements',
      agreementBody(partner.id, { firstAcademicYear: '2027/2028', lastAcademicYear: '2025/2026' }),
      { token: coordinator.token },
    );
    expect(reversed.status).toBe(400);
    expect(fieldNames(reversed.body)).toEqual(['firstAcademicYear', 'lastAcademicYear']);

    const unknownPartner = await t.http.post(
      '/api/agreements',
      agreementBody('00000000-0000-4000-8000-000000000000'),
      { token: coordinator.token },
    );
    expect(unknownPartner.status).toBe(400);
    expect(unknownPartner.body).toMatchObject({
      code: 'REFERENCED_RECORD_MISSING',
      fields: [{ field: 'partnerInstitutionId' }],
    });

    const home = await institutionBySchacCode(t, 'umons.ac.be');
    const withHome = await t.http.post('/api/agreements', agreementBody(home.id), {
      token: coordinator.token,
    });
    expect(withHome.status).toBe(400);
    expect(fieldNames(withHome.body)).toEqual(['partnerInstitutionId']);

    const unknownFaculty = await t.http.post(
      '/api/agreements',
      agreementBody(partner.id, { facultyId: '00000000-0000-4000-8000-000000000000' }),
      { token: coordinator.token },
    );
    expect(unknownFaculty.status).toBe(400);
    expect(unknownFaculty.body).toMatchObject({
      code: 'REFERENCED_RECORD_MISSING',
      fields: [{ field: 'facultyId' }],
    });

    const partnerInstitution = await t.http.post('/api/institutions', institutionBody(), {
      token: coordinator.token,
    });
    const partnerFaculty = await t.http.post(
      `/api/institutions/${partnerInstitution.body.id}/faculties`,
      { code: 'LAW', name: 'Law' },
      { token: coordinator.token },
    );
    const foreignFaculty = await t.http.post(
      '/api/agreements',
      agreementBody(partner.id, { facultyId: partnerFaculty.body.id }),
      { token: coordinator.token },
    );
    expect(foreignFaculty.status).toBe(400);
    expect(fieldNames(foreignFaculty.body)).toEqual(['facultyId']);

    expect(await t.dataSource.getRepository(Agreement).countBy({ partnerInstitutionId: partner.id })).toBe(0);
  });

  it('updates fields, validating the agreement as it would be after the change', async () => {
    const partner = await insertInstitution(t);
    const created = await t.http.post('/api/agreements', agreementBody(partner.id), {
      token: coordinator.token,
    });
    const url = `/api/agreements/${created.body.id}`;

    const updated = await t.http.patch(
      url,
      { status: 'terminated', languageRequirement: null, lastAcademicYear: '2027/2028' },
      { token: admin.token },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      status: 'terminated',
      languageRequirement: null,
      lastAcademicYear: '2027/2028',
      kind: 'erasmus-icm',
      outgoingPlacesPerYear: 2,
    });
    const row = await t.dataSource.getRepository(Agreement).findOneByOrFail({ id: created.body.id });
    expect(row).toMatchObject({ languageCode: null, languageCefrLevel: null, status: 'terminated' });

    // Only the first year is sent, but together with the stored last year it is out of order.
    const reversed = await t.http.patch(url, { firstAcademicYear: '2028/2029' }, { token: admin.token });
    expect(reversed.status).toBe(400);
    expect(fieldNames(reversed.body)).toEqual(['firstAcademicYear', 'lastAcademicYear']);

    const nullKind = await t.http.patch(url, { kind: null }, { token: admin.token });
    expect(nullKind.status).toBe(400);
    expect(nullKind.body.fields).toEqual([expect.objectContaining({ field: 'kind' })]);

    const unknownPartner = await t.http.patch(
      url,
      { partnerInstitutionId: '00000000-0000-4000-8000-000000000000' },
      { token: admin.token },
    );
    expect(unknownPartner.status).toBe(400);
    expect(fieldNames(unknownPartner.body)).toEqual(['partnerInstitutionId']);

    const after = await t.dataSource.getRepository(Agreement).findOneByOrFail({ id: created.body.id });
    expect(after).toMatchObject({
      firstAcademicYear: '2025/2026',
      kind: 'erasmus-icm',
      partnerInstitutionId: partner.id,
    });

    const forStudent = await t.http.patch(url, { status: 'active' }, { token: student.token });
    expect(forStudent.status).toBe(403);
    const forAdvisor = await t.http.patch(url, { status: 'active' }, { token: advisor.token });
    expect(forAdvisor.status).toBe(403);
  });

  it('filters by partner, status and the academic year covered, newest first, in pages', async () => {
    const partner = await insertInstitution(t);
    const make = async (first: string, last: string, status: string) =>
      (
        await t.http.post(
          '/api/agreements',
          agreementBody(partner.id, { firstAcademicYear: first, lastAcademicYear: last, status }),
          { token: coordinator.token },
        )
      ).body.id as string;
    const a = await make('2024/2025', '2025/2026', 'expired');
    const b = await make('2025/2026', '2027/2028', 'active');
    const c = await make('2026/2027', '2026/2027', 'draft');

    const ids = async (query: Record<string, string | number>) =>
      (
        await t.http.get('/api/agreements', {
          token: advisor.token,
          query: { partnerInstitutionId: partner.id, ...query },
        })
      ).body.items.map((item: { id: string }) => item.id);

    expect(await ids({})).toEqual([c, b, a]);
    expect(await ids({ academicYear: '2025/2026' })).toEqual([b, a]);
    expect(await ids({ academicYear: '2026/2027' })).toEqual([c, b]);
    expect(await ids({ academicYear: '2023/2024' })).toEqual([]);
    expect(await ids({ status: 'active' })).toEqual([b]);

    const first = await t.http.get('/api/agreements', {
      token: coordinator.token,
      query: { partnerInstitutionId: partner.id, limit: 2 },
    });
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([c, b]);
    const second = await t.http.get('/api/agreements', {
      token: coordinator.token,
      query: { partnerInstitutionId: partner.id, limit: 2, cursor: first.body.nextCursor },
    });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: a })], nextCursor: null });

    const bad = await t.http.get('/api/agreements', {
      token: advisor.token,
      query: { academicYear: '2025-2026' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'academicYear' })]);
  });

  it('answers an unknown agreement with 404', async () => {
    const response = await t.http.get('/api/agreements/00000000-0000-4000-8000-000000000000', {
      token: advisor.token,
    });
    expect(response.status).toBe(404);
  });
});
