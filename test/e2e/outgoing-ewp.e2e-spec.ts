import { randomUUID } from 'node:crypto';
import { omobilitiesSchemaProblems } from '../support/ewp-schema.js';
import {
  confirmedMobility,
  outgoingWorld,
  worldProgramme,
  type OutgoingWorld,
} from '../support/outgoing-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const NAMESPACE =
  'https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v2/endpoints/get-response.xsd';

describe('EWP OMobilities documents (e2e)', () => {
  let t: TestApp;
  let world: OutgoingWorld;
  let advisor: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    world = await outgoingWorld(t);
    advisor = await t.createUser('advisor');
    coordinator = await t.createUser('coordinator');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Every document a test fetches: answered as XML and valid against the official schema. */
  async function document(url: string, query?: Record<string, string>): Promise<string> {
    const response = await t.http.get(url, { token: coordinator.token, query });
    expect([url, response.status]).toEqual([url, 200]);
    expect(response.headers['content-type']).toContain('application/xml');
    expect(await omobilitiesSchemaProblems(response.text)).toEqual([]);
    return response.text;
  }

  it('the validator itself refuses what the schema does not allow', async () => {
    const valid = `<?xml version="1.0" encoding="UTF-8"?>\n<omobilities-get-response xmlns="${NAMESPACE}"/>`;
    expect(await omobilitiesSchemaProblems(valid)).toEqual([]);
    const wrongNamespace = valid.replace('stable-v2', 'stable-v9');
    expect((await omobilitiesSchemaProblems(wrongNamespace)).length).toBeGreaterThan(0);
  });

  it('a mobility with Cyrillic names and the default globalId validates, as a nomination and once live', async () => {
    const programme = await worldProgramme(t, world);
    const student = await t.createUser('student', {
      firstName: 'Алия',
      lastName: `Сәрсенова ${randomUUID().slice(0, 4)}`,
      homeFacultyId: world.eii.id,
      studyLevel: 'bachelor',
      studentNumber: null,
    });
    const { mobilityId } = await confirmedMobility(t, student, advisor, programme.id, {
      birthDate: '2004-03-09',
      citizenship: 'KZ',
    });

    const nomination = await document(`/api/outgoing/${mobilityId}/ewp.xml`);
    expect(nomination).toContain(`<omobilities-get-response xmlns="${NAMESPACE}">`);
    expect(nomination).toContain(`<omobility-id>${mobilityId}</omobility-id>`);
    expect(nomination).toContain('<hei-id>umons.ac.be</hei-id>');
    expect(nomination).toContain(`<ounit-id>${world.eii.id}</ounit-id>`);
    expect(nomination).toContain(`<iia-id>${world.agreement.id}</iia-id>`);
    expect(nomination).toContain(`<hei-id>${world.host.schacCode}</hei-id>`);
    expect(nomination).toContain(
      '<sending-academic-term-ewp-id>2025/2026-2/2</sending-academic-term-ewp-id>',
    );
    expect(nomination).toContain('<receiving-academic-year-id>2025/2026</receiving-academic-year-id>');
    expect(nomination).toContain('<given-names>Алия</given-names>');
    expect(nomination).toContain('<family-name>Сәрсенова ');
    expect(nomination).toContain(
      `<global-id>urn:schac:personalUniqueCode:int:esi:umons.ac.be:${student.id}</global-id>`,
    );
    expect(nomination).toContain('<birth-date>2004-03-09</birth-date>');
    expect(nomination).toContain('<citizenship>KZ</citizenship>');
    expect(nomination).toContain('<status>nomination</status>');
    expect(nomination).toContain('<eqf-level-studied-at-nomination>6</eqf-level-studied-at-nomination>');
    expect(nomination).toContain('<nominee-isced-f-code>0231</nominee-isced-f-code>');
    expect(nomination).toContain('<language>ru</language>');
    expect(nomination).toContain('<cefr-level>B2</cefr-level>');
    // The same document with a status EWP does not know is refused: the validation is real.
    const arrived = nomination.replace('<status>nomination</status>', '<status>arrived</status>');
    expect((await omobilitiesSchemaProblems(arrived)).join('\n')).toContain('arrived');

    await t.http.post(
      `/api/outgoing/${mobilityId}/verification`,
      { outcome: 'verified', receivingFacultyId: world.hostFaculty.id },
      { token: coordinator.token },
    );
    await t.http.post(`/api/outgoing/${mobilityId}/transition`, { to: 'live' }, { token: coordinator.token });
    const live = await document(`/api/outgoing/${mobilityId}/ewp.xml`);
    expect(live).toContain('<status>live</status>');
    expect(live).toContain(`<ounit-id>${world.hostFaculty.id}</ounit-id>`);
  });

  it('escapes markup in names and answers a whole year in one valid document', async () => {
    const other = await outgoingWorld(t);
    const programme = await worldProgramme(t, other);
    const first = await t.createUser('student', { firstName: 'Tom & <Jerry>', lastName: 'O’Brien "x"' });
    const second = await t.createUser('student', { firstName: 'Иван', lastName: 'Петров' });
    const one = await confirmedMobility(t, first, advisor, programme.id);
    const two = await confirmedMobility(t, second, advisor, programme.id);

    const single = await document(`/api/outgoing/${one.mobilityId}/ewp.xml`);
    expect(single).toContain('<given-names>Tom &amp; &lt;Jerry&gt;</given-names>');
    expect(single).not.toContain('<eqf-level-studied-at-nomination>');

    const year = await document('/api/outgoing/ewp.xml', {
      academicYear: '2025/2026',
      hostInstitutionId: other.host.id,
    });
    expect(year.match(/<student-mobility>/g)).toHaveLength(2);
    expect(year.indexOf(one.mobilityId)).toBeLessThan(year.indexOf(two.mobilityId));
    const empty = await document('/api/outgoing/ewp.xml', {
      academicYear: '2030/2031',
      hostInstitutionId: other.host.id,
    });
    expect(empty).not.toContain('<student-mobility>');

    const missing = await t.http.get('/api/outgoing/ewp.xml', { token: coordinator.token });
    expect(missing.status).toBe(400);
    const unknown = await t.http.get(`/api/outgoing/${randomUUID()}/ewp.xml`, { token: coordinator.token });
    expect(unknown.status).toBe(404);
  });
});
