import { randomUUID } from 'node:crypto';
import {
  agreementCast,
  alFarabiDraft,
  studentAbroad,
  type AgreementCast,
} from '../support/learning-agreement-fixtures.js';
import { pageRequest } from '../support/page-session.js';
import { pdfText } from '../support/pdf-text.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * GET /api/outgoing/:id/learning-agreement.pdf: the latest version as a PDF whose text (read back
 * with PDF.js) holds the tables, the totals, the names as written (Cyrillic and Kazakh letters)
 * and the signatures, then the results and recognition.
 */
describe('Learning agreement PDF (e2e)', () => {
  let t: TestApp;
  let cast: AgreementCast;

  beforeAll(async () => {
    t = await bootApp();
    cast = await agreementCast(t, {
      coordinator: { firstName: 'Marie', lastName: 'Dupont' },
      partner: { firstName: 'Айгерим', lastName: 'Садыкова' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  // Half an ECTS in table A and a table C, for the totals; the host's person in Kazakh.
  const draft = alFarabiDraft({
    tableA: [
      { title: 'Русский язык как иностранный', code: 'RKI-201', term: 'spring', ects: 10 },
      { title: 'Қазақ тілі', code: 'KAZ-101', term: 'spring', ects: 8 },
      { title: 'History of Central Asia', code: 'HIS-310', term: 'spring', ects: 6.5 },
    ],
    tableC: [
      {
        title: 'Digital Kazakhstan',
        code: 'VIRT-1',
        ects: 2,
        description: 'Online seminar with Al-Farabi',
      },
    ],
    receivingResponsible: {
      givenNames: 'Айгерим',
      familyName: 'Садыкова',
      position: 'Халықаралық бөлім',
      email: 'aigerim.sadykova@kaznu.kz',
    },
  });

  async function pdfOf(id: string, who: TestUser): Promise<string> {
    const response = await t.http.get(`/api/outgoing/${id}/learning-agreement.pdf`, { token: who.token });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="learning-agreement-${id}.pdf"`,
    );
    expect(new TextDecoder().decode(response.bytes.slice(0, 5))).toBe('%PDF-');
    return (await pdfText(response.bytes)).text;
  }

  it('shows the tables, totals, Cyrillic names and signatures, then the recognition; only to who may read the agreement', async () => {
    const { advisor, coordinator, partner, otherPartner, otherStudent, editor } = cast;
    const { student, lastName, id } = await studentAbroad(t, cast, {
      lastName: `Сәрсенова-${randomUUID().slice(0, 4)}`,
    });
    const pdfUrl = `/api/outgoing/${id}/learning-agreement.pdf`;
    const url = `/api/outgoing/${id}/learning-agreement`;

    // No agreement yet: nothing to print.
    expect((await t.http.get(pdfUrl, { token: student.token })).status).toBe(404);

    const saved = await t.http.request('PUT', `${url}/draft`, { token: student.token, body: draft });
    expect(saved.status).toBe(200);
    const hash: string = saved.body.current.hash;

    // Who may not read the agreement may not print it.
    expect((await t.http.get(pdfUrl, { token: otherStudent.token })).status).toBe(404);
    expect((await t.http.get(pdfUrl, { token: otherPartner.token })).status).toBe(404);
    expect((await t.http.get(pdfUrl, { token: editor.token })).status).toBe(403);
    expect((await t.http.get(pdfUrl)).status).toBe(401);
    expect(
      (await t.http.get(`/api/outgoing/${randomUUID()}/learning-agreement.pdf`, { token: coordinator.token }))
        .status,
    ).toBe(404);
    expect(
      (await t.http.get('/api/outgoing/not-a-uuid/learning-agreement.pdf', { token: coordinator.token }))
        .status,
    ).toBe(400);

    const asDraft = await pdfOf(id, student);
    expect(asDraft).toContain('Learning Agreement');
    expect(asDraft).toContain(`Алия ${lastName}`);
    expect(asDraft).toContain(cast.world.host.name);
    for (const cell of [
      'Русский язык как иностранный',
      'Қазақ тілі',
      'RKI-201',
      'KAZ-101',
      'HIS-310',
      '6.5',
    ]) {
      expect(asDraft).toContain(cell);
    }
    expect(asDraft).toContain('Langue russe III');
    expect(asDraft).toContain('Digital Kazakhstan');
    // Totals of each table and of the semester.
    expect(asDraft).toMatch(/Total 24\.5/);
    expect(asDraft).toMatch(/Total 20\.0/);
    expect(asDraft).toMatch(/Total 2\.0/);
    expect(asDraft).toContain('Total ECTS, spring: 24.5');
    expect(asDraft).toContain('Айгерим Садыкова, Халықаралық бөлім');
    expect(asDraft).toContain(hash);
    expect(asDraft).toMatch(/Student not signed/);

    // The three signatures, each with its signer and the hash signed.
    const sign = (who: TestUser, position?: string) =>
      t.http.post(`${url}/sign`, position ? { hash, position } : { hash }, { token: who.token });
    expect((await sign(student)).status).toBe(200);
    expect((await sign(coordinator, 'Erasmus coordinator')).status).toBe(200);
    expect((await sign(partner, 'Халықаралық үйлестіруші')).status).toBe(200);
    const approved = await pdfOf(id, partner);
    expect(approved).toContain('approved by the three parties');
    expect(approved).toContain(`Student Алия ${lastName}`);
    expect(approved).toContain('Sending institution Marie Dupont Erasmus coordinator');
    expect(approved).toContain('Receiving institution Айгерим Садыкова Халықаралық үйлестіруші');
    // The version's hash heads the document; each party's line repeats the hash it signed.
    expect(approved.split(hash).length - 1).toBe(4);
    expect(approved).toContain(`Content signed by the receiving institution: ${hash}`);
    expect(approved).not.toContain('not signed');

    // Results and recognition appear once recorded (the student arrived and the mobility is live).
    for (const [step, body] of [
      ['verification', { outcome: 'verified' }],
      ['transition', { to: 'live' }],
    ] as const) {
      expect(
        (await t.http.post(`/api/outgoing/${id}/${step}`, body, { token: coordinator.token })).status,
      ).toBe(200);
    }
    const results = await t.http.post(
      `${url}/results`,
      {
        results: [
          { code: 'RKI-201', grade: '90 (A)', ectsObtained: 10 },
          { code: 'KAZ-101', grade: '85 (B+)', ectsObtained: 8 },
          { code: 'HIS-310', grade: 'F', ectsObtained: 0 },
        ],
      },
      { token: partner.token },
    );
    expect(results.status).toBe(200);
    const recognition = await t.http.post(
      `${url}/recognition`,
      {
        decisions: [
          { code: 'UMONS-RU3', recognised: true, grade: '16/20' },
          { code: 'UMONS-OPT', recognised: false, reason: 'Не сдан экзамен' },
        ],
      },
      { token: coordinator.token },
    );
    expect(recognition.status).toBe(200);
    const recognised = await pdfOf(id, coordinator);
    expect(recognised).toContain('Results at the receiving institution');
    expect(recognised).toContain('RKI-201 Русский язык как иностранный 90 (A) 10.0');
    expect(recognised).toContain('UMONS-RU3 Langue russe III yes 16/20');
    expect(recognised).toContain('UMONS-OPT Option d’ouverture no Не сдан экзамен');
    expect(recognised).toContain('ECTS recognised: 15.0 of 20.0');
    // The pages' download link: the same document for the signed-in student; another's is the 404 page.
    const page = await pageRequest(t.http, 'GET', `/ru/outgoing/${id}/learning-agreement.pdf`, {
      session: student.token,
    });
    expect([page.status, page.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await pdfText(page.bytes)).text).toContain('ECTS recognised: 15.0 of 20.0');
    const foreign = await pageRequest(t.http, 'GET', `/ru/outgoing/${id}/learning-agreement.pdf`, {
      session: otherStudent.token,
    });
    expect([foreign.status, foreign.headers['content-type']]).toEqual([
      404,
      expect.stringContaining('text/html'),
    ]);
    // The advisor reads it too (the staff see every mobility).
    expect(await pdfOf(id, advisor)).toContain('ECTS recognised: 15.0 of 20.0');
  });
});
