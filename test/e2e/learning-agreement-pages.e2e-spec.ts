import { randomUUID } from 'node:crypto';
import { insertInstitution } from '../support/catalogue-fixtures.js';
import {
  agreementCast,
  alFarabiDraft,
  studentAbroad,
  type AgreementCast,
} from '../support/learning-agreement-fixtures.js';
import type { AuthUser } from '../../src/auth/auth-user.js';
import { LearningAgreementsService } from '../../src/learning-agreements/learning-agreements.service.js';
import { pageRequest } from '../support/page-session.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const draft = alFarabiDraft;

const hashOn = (html: string) => /name="hash" value="([0-9a-f]{64})"/.exec(html)?.[1];

/**
 * The learning agreement's pages through HTTP, as a browser without JavaScript sends their
 * forms: the Al-Farabi scenario (signatures, a rejection, a new version, approval, results,
 * recognition), a stale signature, who sees what, and the waiting list.
 */
describe('Learning agreement pages (e2e)', () => {
  let t: TestApp;
  let cast: AgreementCast;
  let advisor: TestUser;
  let coordinator: TestUser;
  let editor: TestUser;
  let partner: TestUser;
  let otherPartner: TestUser;
  let otherStudent: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    cast = await agreementCast(t);
    ({ advisor, coordinator, editor, partner, otherPartner, otherStudent } = cast);
  });
  afterAll(async () => {
    await t.close();
  });

  const mobility = () => studentAbroad(t, cast);

  const get = (user: TestUser, path: string) => pageRequest(t.http, 'GET', path, { session: user.token });
  const post = (user: TestUser, path: string, fields: Record<string, string | string[]>) =>
    pageRequest(t.http, 'POST', path, { session: user.token, fields });
  const putDraft = async (api: string, who: TestUser, body: unknown) => {
    const response = await t.http.request('PUT', `${api}/draft`, { token: who.token, body });
    expect(response.status).toBe(200);
    return response.body;
  };
  const signatures = async (mobilityId: string) =>
    (await t.dataSource.query(
      `SELECT v.number, s.party, s.content_hash = v.content_hash AS same_hash, s.position
         FROM learning_agreement_signatures s
         JOIN learning_agreement_versions v ON v.id = s.version_id
         JOIN learning_agreements a ON a.id = v.agreement_id
        WHERE a.outgoing_mobility_id = $1
        ORDER BY v.number, s.signed_at`,
      [mobilityId],
    )) as Array<{ number: number; party: string; same_hash: boolean; position: string | null }>;

  it('the Al-Farabi agreement through the pages: signatures, a rejection, a new version, approval, results and recognition', async () => {
    const { student, id, api, page } = await mobility();

    // Before any draft: a sentence, and the way to the edit page for the student.
    const empty = await get(student, `/en${page}`);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('No learning agreement has been drafted for this mobility yet.');
    expect(empty.text).toContain(`href="/en${page}/edit"`);
    expect(empty.text).not.toContain('Download PDF');

    // Who sees it: not another student, not another institution's partner, not the editor.
    expect((await get(otherStudent, `/en${page}`)).status).toBe(404);
    const elsewhere = await get(otherPartner, `/en${page}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.text).toContain('<h1>Page not found</h1>');
    expect((await get(editor, `/en${page}`)).status).toBe(403);
    expect((await get(advisor, `/en${page}`)).status).toBe(200);

    // The student's draft (the edit page is another engineer's: through the API here).
    const v1 = (await putDraft(api, student, draft())).current;
    const drafted = await get(student, `/en${page}`);
    expect(drafted.text).toContain('Version 1: first version');
    expect(drafted.text).toContain(
      'Draft, waiting for the signatures of the student and the sending institution',
    );
    expect(drafted.text).toContain('Русский язык как иностранный');
    expect(drafted.text).toContain('Spring term: 24 ECTS');
    expect(drafted.text).toMatch(/<th scope="row" colspan="3">Total<\/th><td class="numeric">24<\/td>/);
    expect(drafted.text).toContain('Still to sign: Student, Sending institution.');
    expect(drafted.text).toContain(`href="/en/outgoing/${id}/learning-agreement.pdf"`);
    expect(drafted.text).toContain('Edit the draft');
    expect(hashOn(drafted.text)).toBe(v1.hash);
    // No position field for the student; the advisor reads without any form.
    expect(drafted.text).not.toContain('name="position"');
    expect((await get(advisor, `/en${page}`)).text).not.toContain('name="hash"');

    // A stale hash: the sentence on the page, nothing signed.
    const stale = await post(student, `/en${page}/sign`, { hash: 'a'.repeat(64) });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('This version changed since you opened it; read it again and sign.');
    expect(await signatures(id)).toEqual([]);

    // The queue: nothing for the office before the student signs.
    expect((await get(coordinator, '/en/learning-agreements')).text).not.toContain(`href="/en${page}"`);

    // The student signs.
    const signed = await post(student, `/en${page}/sign`, { hash: v1.hash });
    expect([signed.status, signed.headers.location]).toEqual([
      303,
      `/en${page}?notice=learningAgreements.view.notice.signed`,
    ]);
    expect((await get(student, `/en${page}`)).text).not.toContain('name="hash"');

    // The office's queue lists it, with the badge; the partners' do not yet.
    const officeQueue = await get(coordinator, '/en/learning-agreements');
    expect(officeQueue.status).toBe(200);
    expect(officeQueue.text).toContain(`href="/en${page}"`);
    expect(officeQueue.text).toContain('agreement waits for your signature');
    expect((await get(partner, '/en/learning-agreements')).text).not.toContain(`href="/en${page}"`);

    // The coordinator signs in French: the position is required.
    const noPosition = await post(coordinator, `/fr${page}/sign`, { hash: v1.hash, name: '', position: '' });
    expect(noPosition.status).toBe(400);
    expect(noPosition.text).toContain('Indiquez votre fonction pour signer au nom de l’établissement.');
    expect(await signatures(id)).toHaveLength(1);
    // A form that comes back with an error keeps the hash it was posted with: had a newer version
    // been saved meanwhile, the next post is refused as stale instead of signing it unread.
    const earlier = await post(coordinator, `/fr${page}/sign`, { hash: 'b'.repeat(64), position: '' });
    expect(earlier.status).toBe(400);
    expect(hashOn(earlier.text)).toBe('b'.repeat(64));
    const sending = await post(coordinator, `/fr${page}/sign`, {
      hash: v1.hash,
      name: '',
      position: 'Coordinatrice Erasmus',
    });
    expect(sending.status).toBe(303);

    // Now a proposal: the partner of the host sees it in its queue, the other partner does not.
    expect((await get(partner, '/ru/learning-agreements')).text).toContain(`href="/ru${page}"`);
    expect((await get(otherPartner, '/ru/learning-agreements')).text).not.toContain(`href="/ru${page}"`);
    expect((await get(coordinator, '/en/learning-agreements')).text).not.toContain(`href="/en${page}"`);

    // The partner rejects: without a reason, an error on the page; with one, a rejection.
    const proposal = await get(partner, `/ru${page}`);
    expect(proposal.text).toContain('Предложение, ждёт принимающего вуза');
    expect(proposal.text).toContain('name="reason"');
    const noReason = await post(partner, `/ru${page}/comment`, { hash: v1.hash, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Укажите причину отклонения.');
    expect(
      await t.dataSource.query(`SELECT id FROM learning_agreement_comments WHERE author_id = $1`, [
        partner.id,
      ]),
    ).toEqual([]);
    // Partner B cannot comment on it: the 404 page.
    expect((await post(otherPartner, `/ru${page}/comment`, { hash: v1.hash, reason: 'x' })).status).toBe(404);
    // A reason longer than the 255 characters the API's generic bound allows a text: the DTO's 2,000.
    const reason =
      `HIS-310 не преподаётся весной; выберите другой курс. ${'Расписание кафедры истории уточняется. '.repeat(8)}`.trim();
    expect(reason.length).toBeGreaterThan(300);
    const commented = await post(partner, `/ru${page}/comment`, { hash: v1.hash, reason });
    expect(commented.status).toBe(303);
    const rejected = await get(student, `/en${page}`);
    expect(rejected.text).toContain('Rejected by the receiving institution');
    expect(rejected.text).toContain(reason);

    // A new version (through the API): the page compares it with version 1.
    const changed = draft();
    changed.tableA[2] = {
      title: 'Political history of Kazakhstan',
      code: 'HIS-320',
      term: 'spring',
      ects: 6,
    };
    const v2 = (await putDraft(api, student, changed)).current;
    const second = await get(partner, `/en${page}`);
    expect(second.text).toContain('Compared with version 1');
    expect(second.text).toMatch(/<strong>Added<\/strong>[\s\S]*?<ins><code>HIS-320<\/code><\/ins>/);
    expect(second.text).toMatch(/<strong>Removed<\/strong>[\s\S]*?<del><code>HIS-310<\/code><\/del>/);
    expect(second.text).toContain(reason); // the earlier comment stays readable

    // The three signatures through the pages: approved.
    expect((await post(student, `/en${page}/sign`, { hash: v2.hash })).status).toBe(303);
    expect(
      (
        await post(coordinator, `/en${page}/sign`, {
          hash: v2.hash,
          name: '',
          position: 'Erasmus coordinator',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await post(partner, `/ru${page}/sign`, {
          hash: v2.hash,
          name: '',
          position: 'Международный координатор',
        })
      ).status,
    ).toBe(303);
    expect((await signatures(id)).filter((s) => s.number === 2)).toEqual([
      { number: 2, party: 'student', same_hash: true, position: null },
      { number: 2, party: 'sending', same_hash: true, position: 'Erasmus coordinator' },
      { number: 2, party: 'receiving', same_hash: true, position: 'Международный координатор' },
    ]);
    const approved = await get(student, `/en${page}`);
    expect(approved.text).toContain('Approved by the three parties');
    expect(approved.text).toContain(v2.hash.slice(0, 12));
    expect(approved.text).toContain('No signature is expected on this version any more.');
    expect(approved.text).toContain('Propose changes');

    // Version 1 stays readable, read-only.
    const first = await get(partner, `/en${page}?version=1`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('You are reading version 1, an earlier version.');
    expect(first.text).toContain('HIS-310');
    expect(first.text).not.toContain('name="hash"');
    expect((await get(partner, `/en${page}?version=9`)).status).toBe(404);
    expect((await get(partner, `/en${page}?version=abc`)).status).toBe(404);

    // The student arrives.
    for (const [path, body] of [
      [`/api/outgoing/${id}/verification`, { outcome: 'verified' }],
      [`/api/outgoing/${id}/transition`, { to: 'live' }],
    ] as const) {
      expect((await t.http.post(path, body, { token: coordinator.token })).status).toBe(200);
    }

    // A change during the mobility (through the API): compared with the approved version 2.
    const change = await t.http.post(
      `${api}/changes`,
      {
        changes: [
          {
            table: 'A',
            action: 'delete',
            code: 'KAZ-101',
            reasonCode: 'timetable-conflict',
            reasonText: 'Clash',
          },
        ],
        shortCreditsReason: 'The language course replaces a seminar at home.',
      },
      { token: student.token },
    );
    expect(change.status).toBe(200);
    const changes = await get(coordinator, `/en${page}`);
    expect(changes.text).toContain('Compared with the approved version 2');
    expect(changes.text).toMatch(
      /<strong>Removed<\/strong>[\s\S]*?<del><code>KAZ-101<\/code><\/del>[\s\S]*?Timetable conflict: Clash/,
    );
    expect(changes.text).toContain(
      'Table A has fewer than 20 ECTS in Spring term. The reason written: “The language course replaces a seminar at home.”',
    );

    // Results by the partner, on the approved version 2 (RKI-201, KAZ-101, HIS-320).
    const form = await get(partner, `/en${page}`);
    expect(form.text).toContain('name="grade-0"');
    const badResults = await post(partner, `/en${page}/results`, {
      'code-0': 'RKI-201',
      'grade-0': '90 (A)',
      'ects-0': 'ten',
    });
    expect(badResults.status).toBe(400);
    expect(badResults.text).toContain('ECTS obtained for RKI-201: enter a number');
    const results = await post(partner, `/en${page}/results`, {
      'code-0': 'RKI-201',
      'grade-0': '90 (A)',
      'ects-0': '10',
      'code-1': 'KAZ-101',
      'grade-1': '85 (B+)',
      'ects-1': '8',
      'code-2': 'HIS-320',
      'grade-2': '75 (C+)',
      'ects-2': '6',
      // More than the generic 50 fields of a body (a 40-row table posts 120): rows left empty wait.
      ...Object.fromEntries(
        Array.from({ length: 17 }, (_, row) => [
          [`code-${row + 3}`, `EMPTY-${row}`],
          [`grade-${row + 3}`, ''],
          [`ects-${row + 3}`, ''],
        ]).flat(),
      ),
    });
    expect(results.status).toBe(303);
    expect((await post(student, `/en${page}/results`, {})).status).toBe(403);
    expect((await post(partner, `/en${page}/recognition`, {})).status).toBe(403);

    // Recognition by the coordinator in French: a refusal needs its reason.
    const noWhy = await post(coordinator, `/fr${page}/recognition`, {
      'rcode-0': 'UMONS-RU3',
      'recognised-0': 'yes',
      'rgrade-0': '16/20',
      'rcode-1': 'UMONS-OPT',
      'recognised-1': 'no',
      'reason-1': '',
    });
    expect(noWhy.status).toBe(400);
    expect(noWhy.text).toContain('Indiquez pourquoi UMONS-OPT n’est pas reconnue.');
    const recognised = await post(coordinator, `/fr${page}/recognition`, {
      'rcode-0': 'UMONS-RU3',
      'recognised-0': 'yes',
      'rgrade-0': '16/20',
      'rcode-1': 'UMONS-OPT',
      'recognised-1': 'no',
      'reason-1': 'Aucun cours correspondant réussi',
    });
    expect(recognised.status).toBe(303);
    expect(await t.dataSource.query(`SELECT status FROM outgoing_mobilities WHERE id = $1`, [id])).toEqual([
      { status: 'recognized' },
    ]);
    const done = await get(student, `/en${page}`);
    expect(done.text).toContain('Every result and decision is recorded: 15 ECTS recognised.');
    expect(done.text).toContain('Recognised: 16/20');
    expect(done.text).not.toContain('name="grade-0"');
  });

  it('links to the agreement from the office’s mobility, the student’s application and the partner’s nomination', async () => {
    const { student, id, page } = await mobility();
    expect((await get(coordinator, `/en/outgoing/${id}`)).text).toContain(`href="/en${page}"`);
    expect((await get(partner, `/en/partner/nominations/${id}`)).text).toContain(`href="/en${page}"`);
    expect((await get(partner, '/en/partner')).text).toContain(`href="/en${page}"`);
    const [application] = (await t.dataSource.query(
      `SELECT application_id FROM outgoing_mobilities WHERE id = $1`,
      [id],
    )) as Array<{ application_id: string }>;
    expect((await get(student, `/en/applications/${application.application_id}`)).text).toContain(
      `href="/en${page}"`,
    );
  });

  it('pages the waiting list by the version’s creation time and id, oldest first, each row once', async () => {
    const host = await insertInstitution(t, {
      name: `Paged host ${randomUUID().slice(0, 4)}`,
      countryCode: 'KZ',
    });
    const paged = { ...cast, world: { ...cast.world, host } };
    const hostPartner = await t.createUser('partner', { institutionId: host.id });
    const made: string[] = [];
    for (let index = 0; index < 3; index++) {
      const { student, id: mobilityId, api } = await studentAbroad(t, paged);
      const { hash } = (await putDraft(api, student, draft())).current;
      expect((await t.http.post(`${api}/sign`, { hash }, { token: student.token })).status).toBe(200);
      const office = { hash, position: 'Erasmus coordinator' };
      expect((await t.http.post(`${api}/sign`, office, { token: coordinator.token })).status).toBe(200);
      made.push(mobilityId);
    }
    const caller = {
      id: hostPartner.id,
      email: hostPartner.email,
      role: 'partner',
      firstName: 'P',
      lastName: 'P',
      homeFacultyId: null,
      institutionId: host.id,
    } as AuthUser;
    const service = t.app.get(LearningAgreementsService);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await service.waiting(caller, cursor, 2);
      seen.push(...result.items.map((item) => item.mobilityId));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(made);
    expect(await service.countWaiting(caller)).toBe(3);
    const home = await get(hostPartner, '/en/learning-agreements');
    expect(home.text).toContain('3 agreements wait for your signature');
  });

  it('refuses a cursor the waiting list never gave out, and is the 403 page for students and advisors', async () => {
    const bad = await get(coordinator, '/en/learning-agreements?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('class="error-summary"');
    const long = await get(coordinator, `/en/learning-agreements?cursor=${'x'.repeat(3000)}`);
    expect(long.status).toBe(400);
    // A forged cursor of the right shape (a number for the time, dashes for the id) is refused
    // before the database sees it: the page's own sentence, not the generic 400 page.
    const forged = Buffer.from(JSON.stringify(['1', '-'.repeat(36)])).toString('base64url');
    const shaped = await get(coordinator, `/en/learning-agreements?cursor=${forged}`);
    expect(shaped.status).toBe(400);
    expect(shaped.text).toContain('class="error-summary"');
    expect((await get(advisor, '/en/learning-agreements')).status).toBe(403);
    expect((await get(otherStudent, '/en/learning-agreements')).status).toBe(403);
  });
});
