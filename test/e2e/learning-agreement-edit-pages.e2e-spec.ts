import { agreementCast, studentAbroad, type AgreementCast } from '../support/learning-agreement-fixtures.js';
import { pageRequest } from '../support/page-session.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * The learning-agreement edit page through HTTP, as a browser without JavaScript sends it: rows
 * added by a submit button, blank rows ignored, errors beside the cell, the changes form after the
 * first approval, and what the API then reads.
 */
describe('Learning agreement edit pages (e2e)', () => {
  let t: TestApp;
  let cast: AgreementCast;
  let advisor: TestUser;
  let coordinator: TestUser;
  let partner: TestUser;
  let otherPartner: TestUser;
  let otherStudent: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    cast = await agreementCast(t);
    ({ advisor, coordinator, partner, otherPartner, otherStudent } = cast);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A student with a confirmed spring mobility to the host; `page` is the edit page. */
  async function mobility(): Promise<{ student: TestUser; id: string; page: string; api: string }> {
    const { student, id, page, api } = await studentAbroad(t, cast);
    return { student, id, page: `${page}/edit`, api };
  }

  const get = (user: TestUser, path: string) => pageRequest(t.http, 'GET', path, { session: user.token });
  const post = (user: TestUser, path: string, fields: Record<string, string | string[]>) =>
    pageRequest(t.http, 'POST', path, { session: user.token, fields });
  const versions = async (mobilityId: string) =>
    (
      (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM learning_agreement_versions v
           JOIN learning_agreements a ON a.id = v.agreement_id WHERE a.outgoing_mobility_id = $1`,
        [mobilityId],
      )) as Array<{ n: number }>
    )[0].n;

  /** The fields of a complete draft as typed: 24 ECTS in spring, a blank row 2 in table A. */
  function draftFields(): Record<string, string> {
    return {
      mode: 'draft',
      'tableA.0.title': 'Русский язык как иностранный',
      'tableA.0.code': 'RKI-201',
      'tableA.0.term': 'spring',
      'tableA.0.ects': '10',
      'tableA.0.recognitionConditions': '',
      'tableA.1.title': '',
      'tableA.1.code': '',
      'tableA.1.term': '',
      'tableA.1.ects': '',
      'tableA.1.recognitionConditions': '',
      'tableA.2.title': 'Қазақ тілі',
      'tableA.2.code': 'KAZ-101',
      'tableA.2.term': 'spring',
      'tableA.2.ects': '8',
      'tableA.2.recognitionConditions': '',
      'tableA.3.title': 'History of Central Asia',
      'tableA.3.code': 'HIS-310',
      'tableA.3.term': 'spring',
      'tableA.3.ects': '6',
      'tableA.3.recognitionConditions': 'Oral exam passed',
      'tableB.0.title': 'Langue russe III',
      'tableB.0.code': 'UMONS-RU3',
      'tableB.0.ects': '15',
      'tableB.1.title': 'Option d’ouverture',
      'tableB.1.code': 'UMONS-OPT',
      'tableB.1.ects': '5',
      'tableB.2.title': '',
      'tableB.2.code': '',
      'tableB.2.ects': '',
      'tableC.0.title': '',
      'tableC.0.code': '',
      'tableC.0.ects': '',
      'tableC.0.description': '',
      shortCreditsReason: '',
      'languageCompetence.language': 'ru',
      'languageCompetence.cefrLevel': 'B2',
      eqfLevel: '6',
      subjectArea: '0231',
      'sendingResponsible.givenNames': 'Marie',
      'sendingResponsible.familyName': 'Dupont',
      'sendingResponsible.position': 'Erasmus coordinator',
      'sendingResponsible.email': 'marie.dupont@umons.ac.be',
      'receivingResponsible.givenNames': 'Айгерим',
      'receivingResponsible.familyName': 'Садыкова',
      'receivingResponsible.position': 'Международный отдел',
      'receivingResponsible.email': 'aigerim.sadykova@kaznu.kz',
    };
  }

  /** A cell's label: its column (shown on a phone) and where it is (for screen readers). */
  const label = (id: string, column: string, where: string) =>
    `<label for="${id}" class="cell-label"><span class="cell-column">${column}</span><span class="cell-where">, ${where}</span></label>`;

  /** The rows of a table the page shows (one title input per row). */
  const rowsOf = (html: string, table: string) =>
    (html.match(new RegExp(`name="${table}\\.\\d+\\.title"`, 'g')) ?? []).length;

  it('a student opens the form, adds a row (nothing saved), saves the draft the API then shows', async () => {
    const { student, id, page, api } = await mobility();
    const form = await get(student, `/en${page}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Edit the learning agreement');
    expect(form.text).toContain(label('field-tableA-0-ects', 'ECTS credits', 'table A, row 1'));
    expect(rowsOf(form.text, 'tableA')).toBe(2); // no component yet: two blank rows
    expect(form.text).toContain('value="0231"'); // the mobility's field of education

    const added = await post(student, `/en${page}`, { ...draftFields(), add: 'A' });
    expect(added.status).toBe(200);
    expect(rowsOf(added.text, 'tableA')).toBe(5);
    expect(added.text).toContain('value="History of Central Asia"');
    expect(added.text).toMatch(/Total of table A<\/dt><dd>24 ECTS/);
    expect(added.text).toMatch(/Total of table B<\/dt><dd>20 ECTS/);
    expect(added.text).toMatch(/Table A, Spring term<\/dt><dd>24 ECTS/);
    expect(await versions(id)).toBe(0);

    const saved = await post(student, `/en${page}`, draftFields());
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/en/outgoing/${id}/learning-agreement?notice=laEdit.notice.saved`);
    const read = await t.http.get(api, { token: student.token });
    expect(read.body.current).toMatchObject({ number: 1, status: 'draft', missing: [] });
    expect(read.body.current.content.tableA.map((c: { code: string }) => c.code)).toEqual([
      'RKI-201',
      'KAZ-101',
      'HIS-310',
    ]);
    expect(read.body.current.content.tableA[2].recognitionConditions).toBe('Oral exam passed');
    expect(read.body.current.content.receivingResponsible.familyName).toBe('Садыкова');
    expect(read.body.current.totals).toMatchObject({ tableA: 24, tableB: 20 });

    // The form opens again with what was saved and two blank rows; a removed row is left out.
    const again = await get(student, `/ru${page}`);
    expect(rowsOf(again.text, 'tableA')).toBe(5);
    expect(again.text).toContain('value="KAZ-101"');
    expect(again.text).toContain(label('field-tableA-0-ects', 'Кредиты ECTS', 'таблица A, строка 1'));
    const removed = await post(student, `/en${page}`, {
      ...draftFields(),
      'tableA.2.remove': '1',
      shortCreditsReason: 'Only two courses are taught in Russian this spring.',
    });
    expect(removed.status).toBe(303);
    const after = await t.http.get(api, { token: student.token });
    expect(after.body.current.content.tableA.map((c: { code: string }) => c.code)).toEqual([
      'RKI-201',
      'HIS-310',
    ]);
    expect(after.body.current.content.shortCreditsReason).toBe(
      'Only two courses are taught in Russian this spring.',
    );
  });

  it('a bad ECTS in row 2 of table A is shown beside that cell, nothing saved; under 20 ECTS saves, and the reason is needed before signing', async () => {
    const { student, id, page } = await mobility();
    const fields = {
      ...draftFields(),
      'tableA.1.title': 'Kazakh literature',
      'tableA.1.code': 'LIT-1',
      'tableA.1.term': 'spring',
      'tableA.1.ects': 'seven',
    };
    const bad = await post(student, `/fr${page}`, fields);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('class="error-summary"');
    expect(bad.text).toContain('href="#field-tableA-1-ects"');
    expect(bad.text).toMatch(
      /id="field-tableA-1-ects-error">Crédits ECTS, tableau A, ligne 2 : indiquez les crédits par un nombre de 0,5 à 60/,
    );
    expect(bad.text).toContain('aria-describedby="field-tableA-1-ects-error"');
    expect(bad.text).toContain('value="seven"');
    expect(bad.text).not.toContain('tableA.0.ects-error');
    expect(await versions(id)).toBe(0);

    // 16 ECTS in spring: saved (a draft in progress may be short), the reason asked for beside
    // its field, and nobody can sign until it is written.
    const short = { ...draftFields(), 'tableA.2.ects': '0.5', 'tableA.3.ects': '5.5' };
    const saved = await post(student, `/en${page}`, short);
    expect(saved.status).toBe(303);
    expect(await versions(id)).toBe(1);
    const again = await get(student, `/en${page}`);
    expect(again.text).toMatch(/Table A, Spring term<\/dt><dd>16 ECTS/);
    expect(again.text).toContain('write the reason: nobody can sign the agreement without it.');
    const api = `/api/outgoing/${id}/learning-agreement`;
    const current = (await t.http.get(api, { token: student.token })).body.current;
    expect(current.missing).toEqual(['shortCreditsReason']);
    const unsigned = await t.http.post(`${api}/sign`, { hash: current.hash }, { token: student.token });
    expect([unsigned.status, unsigned.body.code]).toEqual([409, 'LA_INCOMPLETE']);
  });

  it('after the first approval the page proposes changes: one deleted, one inserted with its reason', async () => {
    const { student, id, page, api } = await mobility();
    expect((await post(student, `/en${page}`, draftFields())).status).toBe(303);
    const hash = (await t.http.get(api, { token: student.token })).body.current.hash as string;
    const sign = (who: TestUser, position?: string) =>
      t.http.post(`${api}/sign`, position ? { hash, position } : { hash }, { token: who.token });
    expect((await sign(student)).status).toBe(200);
    expect((await sign(coordinator, 'Erasmus coordinator')).status).toBe(200);
    expect((await sign(partner, 'Международный координатор')).status).toBe(200);

    const form = await get(coordinator, `/en${page}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Propose changes to the learning agreement');
    expect(form.text).toContain(label('field-delete-A-1-selected', 'Delete', 'component KAZ-101'));
    expect(form.text).toContain('Timetable conflict');

    const change = {
      mode: 'changes',
      'delete.A.1.selected': 'KAZ-101',
      'delete.A.1.reasonCode': 'timetable-conflict',
      'delete.A.1.reasonText': 'Clash with the Russian course',
      'insert.A.0.title': 'Political history of Kazakhstan',
      'insert.A.0.code': 'HIS-320',
      'insert.A.0.term': 'spring',
      'insert.A.0.ects': '8',
      'insert.A.0.recognitionConditions': '',
      'insert.A.0.reasonCode': '',
      'insert.A.0.reasonText': '',
    };
    // A row added: nothing saved, one more insert row; the reason of the inserted row is missing.
    const added = await post(coordinator, `/en${page}`, { ...change, add: 'A' });
    expect(added.status).toBe(200);
    expect(rowsOf(added.text, 'insert.A')).toBe(2);
    const missing = await post(coordinator, `/en${page}`, change);
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(
      /id="field-insert-A-0-reasonCode-error">Reason, table A, row 1: choose one of the options/,
    );
    expect(await versions(id)).toBe(1);

    const proposed = await post(coordinator, `/en${page}`, {
      ...change,
      'insert.A.0.reasonCode': 'substituting-deleted',
    });
    expect(proposed.status).toBe(303);
    expect(proposed.headers.location).toBe(
      `/en/outgoing/${id}/learning-agreement?notice=laEdit.notice.changesProposed`,
    );
    const read = (await t.http.get(api, { token: student.token })).body;
    expect(read.current).toMatchObject({ number: 2, kind: 'changes', status: 'draft' });
    expect(read.current.content.changes).toEqual([
      expect.objectContaining({
        table: 'A',
        action: 'deleted',
        code: 'KAZ-101',
        reasonCode: 'timetable-conflict',
      }),
      expect.objectContaining({
        table: 'A',
        action: 'inserted',
        code: 'HIS-320',
        reasonCode: 'substituting-deleted',
      }),
    ]);
    expect(read.lastApproved.number).toBe(1);

    // The form opens with the pending proposal; the draft form is refused now (the right form comes back).
    const pending = await get(student, `/kk${page}`);
    expect(pending.text).toContain('value="HIS-320"');
    expect(pending.text).toContain('Оқу келісіміне өзгерістер ұсыну');
    const stale = await post(student, `/en${page}`, draftFields());
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('The learning agreement changed while you edited it');
  });

  it('a preview (htmx) and a table over 40 rows save nothing; saving a signed draft makes a new version', async () => {
    const { student, id, page, api } = await mobility();
    const preview = await post(student, `/en${page}`, {
      ...draftFields(),
      preview: '1',
      'tableA.3.ects': '16',
    });
    expect(preview.status).toBe(200);
    expect(preview.text).toMatch(/id="totals-A"><dt>Total of table A<\/dt><dd>34 ECTS/);
    expect(await versions(id)).toBe(0);

    const many: Record<string, string> = { ...draftFields() };
    for (let index = 4; index <= 41; index += 1) {
      Object.assign(many, {
        [`tableA.${index}.title`]: `Course ${index}`,
        [`tableA.${index}.code`]: `C-${index}`,
        [`tableA.${index}.term`]: 'spring',
        [`tableA.${index}.ects`]: '1',
      });
    }
    // About 200 fields: far more than the pipe's 50 for a JSON body, read by the page itself.
    const tooMany = await post(student, `/en${page}`, many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain('Table A holds 40 components at most. Nothing was saved.');
    expect(await versions(id)).toBe(0);

    const huge = Object.fromEntries(Array.from({ length: 1600 }, (_v, i) => [`tableB.${i}.title`, 'x']));
    const refusedHuge = await post(student, `/en${page}`, { ...draftFields(), ...huge });
    expect(refusedHuge.status).toBe(400);
    expect(refusedHuge.text).toContain('This request cannot be read');
    expect(await versions(id)).toBe(0);

    // A code twice in a table: the service's refusal, beside the table.
    const twice = await post(student, `/en${page}`, { ...draftFields(), 'tableA.3.code': 'RKI-201' });
    expect(twice.status).toBe(400);
    expect(twice.text).toContain('Table A lists the same code twice: give each component its own code.');
    expect(await versions(id)).toBe(0);

    expect((await post(student, `/en${page}`, draftFields())).status).toBe(303);
    const hash = (await t.http.get(api, { token: student.token })).body.current.hash as string;
    expect((await t.http.post(`${api}/sign`, { hash }, { token: student.token })).status).toBe(200);
    const signedForm = await get(student, `/en${page}`);
    expect(signedForm.text).toContain('Saving makes a new version, which needs all the signatures again');
    const again = await post(student, `/en${page}`, { ...draftFields(), 'tableA.3.ects': '7' });
    expect(again.headers.location).toBe(
      `/en/outgoing/${id}/learning-agreement?notice=laEdit.notice.newVersion`,
    );
    const read = (await t.http.get(api, { token: student.token })).body;
    expect(read.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(read.current).toMatchObject({ number: 2, status: 'draft', signatures: [] });
  });

  it('another student gets the 404 page, a partner and an advisor the 403 page; a closed mobility is refused at the top', async () => {
    const { student, id, page } = await mobility();
    expect((await get(otherStudent, `/en${page}`)).status).toBe(404);
    expect((await post(otherStudent, `/en${page}`, draftFields())).status).toBe(404);
    expect((await get(partner, `/en${page}`)).status).toBe(403);
    expect((await get(otherPartner, `/en${page}`)).status).toBe(403);
    expect((await post(partner, `/en${page}`, draftFields())).status).toBe(403);
    expect((await get(advisor, `/en${page}`)).status).toBe(403);
    expect(await versions(id)).toBe(0);

    await t.dataSource.query(`UPDATE outgoing_mobilities SET status = 'cancelled' WHERE id = $1`, [id]);
    const closed = await post(student, `/en${page}`, draftFields());
    expect(closed.status).toBe(409);
    expect(closed.text).toContain(
      'The mobility is not at a step that allows this on its learning agreement.',
    );
    expect(await versions(id)).toBe(0);
  });
});
