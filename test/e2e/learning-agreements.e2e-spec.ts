import { omobilityLasSchemaProblems } from '../support/ewp-schema.js';
import {
  agreementCast,
  alFarabiDraft,
  studentAbroad,
  type AgreementCast,
} from '../support/learning-agreement-fixtures.js';
import type { OutgoingWorld } from '../support/outgoing-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const LAS_NAMESPACE =
  'https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd';

const draft = alFarabiDraft;

describe('Learning agreements (e2e)', () => {
  let t: TestApp;
  let world: OutgoingWorld;
  let advisor: TestUser;
  let coordinator: TestUser;
  let admin: TestUser;
  let editor: TestUser;
  let partner: TestUser;
  let otherPartner: TestUser;
  let otherStudent: TestUser;
  let cast: AgreementCast;

  beforeAll(async () => {
    t = await bootApp();
    cast = await agreementCast(t);
    ({ world, advisor, coordinator, admin, editor, partner, otherPartner, otherStudent } = cast);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A UMONS student (Cyrillic names) with a confirmed mobility to the host. */
  async function mobility(): Promise<{ student: TestUser; id: string; url: string }> {
    const { student, id, api } = await studentAbroad(t, cast);
    return { student, id, url: api };
  }

  const read = (url: string, who: TestUser) => t.http.get(url, { token: who.token });
  const put = (url: string, who: TestUser, body: unknown) =>
    t.http.request('PUT', `${url}/draft`, { token: who.token, body });
  const post = (url: string, action: string, who: TestUser, body: unknown) =>
    t.http.post(`${url}/${action}`, body, { token: who.token });
  const sign = (url: string, who: TestUser, hash: string, position?: string) =>
    post(url, 'sign', who, position ? { hash, position } : { hash });

  async function ok(response: Awaited<ReturnType<typeof read>>) {
    expect([response.status, response.text]).toEqual([200, expect.any(String)]);
    return response.body;
  }

  /** The EWP document of the agreement: XML, and valid against the official schema. */
  async function ewp(url: string, who: TestUser = coordinator): Promise<string> {
    const response = await read(`${url}/ewp.xml`, who);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    expect(await omobilityLasSchemaProblems(response.text)).toEqual([]);
    return response.text;
  }

  async function notified(recipient: TestUser, kind: string, mobilityId: string): Promise<number> {
    const rows = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = $2 AND link LIKE $3`,
      [recipient.id, kind, `%/outgoing/${mobilityId}/learning-agreement`],
    )) as Array<{ n: number }>;
    return rows[0].n;
  }

  it('the validator refuses what the LAs schema does not allow', async () => {
    const empty = `<?xml version="1.0" encoding="UTF-8"?>\n<omobility-las-get-response xmlns="${LAS_NAMESPACE}"/>`;
    expect(await omobilityLasSchemaProblems(empty)).toEqual([]);
    expect(
      (await omobilityLasSchemaProblems(empty.replace('stable-v1', 'stable-v7'))).length,
    ).toBeGreaterThan(0);
  });

  it('a full agreement for a UMONS student at Al-Farabi: draft, signatures, comment, change, approval, change during the mobility, recognition', async () => {
    const { student, id, url } = await mobility();

    // Before anything: an empty agreement, and no <la> in the EWP document.
    const empty = await ok(await read(url, student));
    expect(empty).toMatchObject({ mobilityId: id, current: null, lastApproved: null, versions: [] });
    expect(await ewp(url)).not.toContain('<la>');

    // Only the right people see it.
    expect((await read(url, otherStudent)).status).toBe(404);
    expect((await read(url, otherPartner)).status).toBe(404);
    expect((await read(url, editor)).status).toBe(403);
    expect((await read(url, partner)).status).toBe(200);
    expect((await read(url, advisor)).status).toBe(200);

    // 1. The student drafts version 1.
    expect((await put(url, otherStudent, draft())).status).toBe(404);
    expect((await put(url, partner, draft())).status).toBe(403);
    const v1 = (await ok(await put(url, student, draft()))).current;
    expect(v1).toMatchObject({
      number: 1,
      kind: 'first-version',
      status: 'draft',
      nextSigners: ['student', 'sending'],
      missing: [],
      totals: { tableA: 24, tableB: 20, tableC: 0, semesters: [{ term: 'spring', ects: 24 }] },
    });
    expect(v1.content.eqfLevel).toBe(6);
    expect(v1.content.subjectArea).toBe('0231');
    expect(v1.hash).toMatch(/^[0-9a-f]{64}$/);

    // The receiving side cannot sign a draft; an advisor cannot sign at all; a partner of another
    // institution does not see it.
    expect((await sign(url, partner, v1.hash, 'Coordinator')).body.code).toBe('LA_NOT_SIGNABLE');
    expect((await sign(url, advisor, v1.hash, 'Advisor')).status).toBe(403);
    expect((await sign(url, otherPartner, v1.hash, 'Coordinator')).status).toBe(404);
    expect((await sign(url, otherStudent, v1.hash)).status).toBe(404);

    // 2. The student and the home coordinator sign: a proposal.
    const afterStudent = (await ok(await sign(url, student, v1.hash))).current;
    expect(afterStudent).toMatchObject({ status: 'draft', nextSigners: ['sending'] });
    expect(await notified(coordinator, 'learning-agreement-to-sign', id)).toBe(1);
    expect((await sign(url, coordinator, v1.hash)).status).toBe(400); // position required
    const proposal = (await ok(await sign(url, coordinator, v1.hash, 'Erasmus coordinator'))).current;
    expect(proposal).toMatchObject({ status: 'proposal', nextSigners: ['receiving'] });
    expect(proposal.signatures.map((s: { party: string }) => s.party)).toEqual(['student', 'sending']);
    expect(proposal.signatures.every((s: { hash: string }) => s.hash === v1.hash)).toBe(true);
    expect(await notified(partner, 'learning-agreement-to-sign', id)).toBe(1);
    const proposed = await ewp(url);
    expect(proposed).toContain(`<changes-proposal id="${v1.hash}">`);
    expect(proposed).toContain('<given-names>Айгерим</given-names>');
    expect(proposed).not.toContain('<first-version>');

    // 3. Al-Farabi comments: a rejection with its reason.
    expect((await post(url, 'comment', student, { hash: v1.hash, reason: 'x' })).status).toBe(403);
    expect((await post(url, 'comment', otherPartner, { hash: v1.hash, reason: 'x' })).status).toBe(404);
    const staleComment = await post(url, 'comment', partner, { hash: 'a'.repeat(64), reason: 'x' });
    expect([staleComment.status, staleComment.body.code]).toEqual([409, 'LA_STALE']);
    const reason = 'HIS-310 is not taught in spring; choose another course.';
    const rejected = await ok(await post(url, 'comment', partner, { hash: v1.hash, reason }));
    expect(rejected.current).toMatchObject({ number: 1, status: 'rejected', nextSigners: [] });
    expect(rejected.current.comment).toMatchObject({ reason, hash: v1.hash, authorId: partner.id });
    expect(await notified(student, 'learning-agreement-commented', id)).toBe(1);

    // 4. The student changes it: version 2; version 1 stays as it was signed and commented.
    const changed = draft();
    changed.tableA[2] = {
      title: 'Political history of Kazakhstan',
      code: 'HIS-320',
      term: 'spring',
      ects: 6,
    };
    const v2 = (await ok(await put(url, student, changed))).current;
    expect(v2).toMatchObject({ number: 2, status: 'draft', signatures: [] });
    expect(v2.hash).not.toBe(v1.hash);
    const first = await ok(await read(`${url}/versions/1`, partner));
    expect(first).toMatchObject({ number: 1, status: 'rejected', hash: v1.hash });
    expect(first.signatures).toHaveLength(2);
    expect(first.content.tableA[2].code).toBe('HIS-310');

    // 5. All three sign: approved.
    await ok(await sign(url, student, v2.hash));
    await ok(await sign(url, coordinator, v2.hash, 'Erasmus coordinator'));
    const approved = await ok(await sign(url, partner, v2.hash, 'Международный координатор'));
    expect(approved.current).toMatchObject({ number: 2, status: 'approved', nextSigners: [] });
    expect(approved.lastApproved).toMatchObject({ number: 2, hash: v2.hash });
    expect(
      approved.current.signatures.map((s: { party: string; hash: string }) => [s.party, s.hash]),
    ).toEqual([
      ['student', v2.hash],
      ['sending', v2.hash],
      ['receiving', v2.hash],
    ]);
    expect(approved.versions.map((v: { number: number; status: string }) => [v.number, v.status])).toEqual([
      [1, 'rejected'],
      [2, 'approved'],
    ]);
    expect(await notified(student, 'learning-agreement-approved', id)).toBe(1);
    const signed = await ewp(url, partner);
    expect(signed).toContain('<first-version>');
    expect(signed).toContain('<receiving-hei-signature>');
    expect(signed).toContain('<signer-name>Partner ');
    expect(signed).toContain('<given-names>Алия</given-names>');
    expect(signed).not.toContain('<changes-proposal');
    expect(await ewp(url, student)).toBe(signed);

    // After the approval the tables change only through changes.
    const redraft = await put(url, student, draft());
    expect([redraft.status, redraft.body.code]).toEqual([409, 'LA_CHANGES_AFTER_APPROVAL']);

    // The student arrives.
    await ok(await post(`/api/outgoing/${id}`, 'verification', coordinator, { outcome: 'verified' }));
    await ok(await post(`/api/outgoing/${id}`, 'transition', coordinator, { to: 'live' }));

    // 6. A change during the mobility: one course deleted, one inserted, with reasons.
    const change = await ok(
      await post(url, 'changes', student, {
        changes: [
          {
            table: 'A',
            action: 'delete',
            code: 'KAZ-101',
            reasonCode: 'timetable-conflict',
            reasonText: 'Clash',
          },
          {
            table: 'A',
            action: 'insert',
            code: 'KAZ-102',
            title: 'Қазақ әдебиеті',
            term: 'spring',
            ects: 8,
            reasonCode: 'substituting-deleted',
          },
        ],
      }),
    );
    const v3 = change.current;
    expect(v3).toMatchObject({ number: 3, kind: 'changes', status: 'draft' });
    expect(v3.content.changes).toEqual([
      expect.objectContaining({ action: 'deleted', code: 'KAZ-101', reasonCode: 'timetable-conflict' }),
      expect.objectContaining({ action: 'inserted', code: 'KAZ-102', reasonCode: 'substituting-deleted' }),
    ]);
    expect(change.lastApproved.number).toBe(2);
    await ok(await sign(url, student, v3.hash));
    await ok(await sign(url, coordinator, v3.hash, 'Erasmus coordinator'));
    const changesProposal = await ewp(url);
    expect(changesProposal).toContain(`<changes-proposal id="${v3.hash}">`);
    expect(changesProposal).toContain(
      'status="deleted" reason-code="timetable-conflict" reason-text="Clash"',
    );
    const v3approved = await ok(await sign(url, partner, v3.hash, 'Международный координатор'));
    expect(v3approved.lastApproved).toMatchObject({ number: 3, status: 'approved' });
    expect(v3approved.lastApproved.content.tableA.map((c: { code: string }) => c.code)).toEqual([
      'RKI-201',
      'HIS-320',
      'KAZ-102',
    ]);
    const withChanges = await ewp(url);
    expect(withChanges).toContain('<approved-changes>');
    expect(withChanges).toContain('status="inserted" reason-code="substituting-deleted"');

    // 7. Recognition: the host's results, then the home coordinator's decisions.
    expect((await post(url, 'results', student, { results: [] })).status).toBe(403);
    const resultsBody = {
      results: [
        { code: 'RKI-201', grade: '90 (A)', ectsObtained: 10 },
        { code: 'HIS-320', grade: '75 (C+)', ectsObtained: 6 },
        { code: 'KAZ-102', grade: '85 (B+)', ectsObtained: 8 },
      ],
    };
    expect((await post(url, 'results', otherPartner, resultsBody)).status).toBe(404);
    const unknown = await post(url, 'results', partner, {
      results: [{ code: 'NOPE', grade: 'A', ectsObtained: 1 }],
    });
    expect(unknown.status).toBe(400);
    const resulted = await ok(await post(url, 'results', partner, resultsBody));
    expect(resulted.recognition).toMatchObject({ complete: false });
    expect(resulted.recognition.results).toHaveLength(3);
    expect((await post(url, 'recognition', partner, { decisions: [] })).status).toBe(403);
    const bad = await post(url, 'recognition', coordinator, {
      decisions: [{ code: 'UMONS-OPT', recognised: false }],
    });
    expect(bad.status).toBe(400);
    const recognised = await ok(
      await post(url, 'recognition', coordinator, {
        decisions: [
          { code: 'UMONS-RU3', recognised: true, grade: '16/20' },
          { code: 'UMONS-OPT', recognised: false, reason: 'No matching course was passed' },
        ],
      }),
    );
    expect(recognised.recognition).toMatchObject({ complete: true, ectsRecognised: 15 });
    expect(recognised.mobilityStatus).toBe('recognized');
    const recognizedMobility = (await read(`/api/outgoing/${id}`, coordinator)).body;
    expect(recognizedMobility.status).toBe('recognized');
    // The last decision's day is not the departure: none was recorded, none is.
    expect(recognizedMobility.actualDeparture).toBeNull();
    // Statistics: the host's share of ECTS recognised this year (15 of 20).
    const stats = await read('/api/stats/overview?academicYear=2025/2026', coordinator);
    expect(stats.status).toBe(200);
    expect(
      stats.body.recognition.byHostInstitution.find(
        (host: { institutionId: string }) => host.institutionId === world.host.id,
      ),
    ).toMatchObject({ mobilities: 1, ectsPlanned: 20, ectsRecognised: 15, share: 0.75 });
    // Recognised: the agreement no longer changes.
    const closed = await sign(url, student, v3.hash);
    expect([closed.status, closed.body.code]).toEqual([409, 'LA_CLOSED']);
    await ewp(url);
  });

  it('an edit after a signature leaves the signed version untouched and needs new signatures; a stale hash is a 409', async () => {
    const { student, id, url } = await mobility();
    const v1 = (await ok(await put(url, student, draft()))).current;
    // An unsigned draft is rewritten in place.
    const rewritten = (await ok(await put(url, student, draft({ shortCreditsReason: 'Draft note' }))))
      .current;
    expect(rewritten.number).toBe(1);
    expect(rewritten.hash).not.toBe(v1.hash);
    await ok(await sign(url, student, rewritten.hash));

    const v2 = (await ok(await put(url, student, draft()))).current;
    expect(v2).toMatchObject({
      number: 2,
      status: 'draft',
      signatures: [],
      nextSigners: ['student', 'sending'],
    });
    const old = await ok(await read(`${url}/versions/1`, student));
    expect(old).toMatchObject({ status: 'superseded', hash: rewritten.hash });
    expect(old.signatures).toEqual([expect.objectContaining({ party: 'student', hash: rewritten.hash })]);

    // Signing what was read before the edit: 409, and nothing signed.
    const stale = await sign(url, coordinator, rewritten.hash, 'Erasmus coordinator');
    expect([stale.status, stale.body.code]).toEqual([409, 'LA_STALE']);
    expect(stale.body).toMatchObject({ expected: v2.hash, given: rewritten.hash });
    expect((await ok(await read(url, coordinator))).current.signatures).toEqual([]);

    // The database itself refuses to change what is signed.
    const [version] = (await t.dataSource.query(
      `SELECT v.id FROM learning_agreement_versions v JOIN learning_agreements a ON a.id = v.agreement_id
       WHERE a.outgoing_mobility_id = $1 AND v.number = 1`,
      [id],
    )) as Array<{ id: string }>;
    await expect(
      t.dataSource.query(`UPDATE learning_agreement_versions SET content_hash = $2 WHERE id = $1`, [
        version.id,
        'b'.repeat(64),
      ]),
    ).rejects.toThrow(/never modified or deleted/);
    await expect(
      t.dataSource.query(`UPDATE learning_agreement_signatures SET name = 'Forged' WHERE version_id = $1`, [
        version.id,
      ]),
    ).rejects.toThrow(/never modified or deleted/);
    await expect(
      t.dataSource.query(`DELETE FROM learning_agreement_signatures WHERE version_id = $1`, [version.id]),
    ).rejects.toThrow(/never modified or deleted/);
    const after = await ok(await read(`${url}/versions/1`, student));
    expect(after).toEqual(old);
  });

  it('a semester under 20 ECTS needs a written reason before anyone signs', async () => {
    const { student, url } = await mobility();
    const short = draft();
    short.tableA = short.tableA.slice(0, 2); // 18 ECTS in spring
    const v1 = (await ok(await put(url, student, short))).current;
    expect(v1.missing).toEqual(['shortCreditsReason']);
    const refused = await sign(url, student, v1.hash);
    expect([refused.status, refused.body.code]).toEqual([409, 'LA_INCOMPLETE']);
    expect(refused.body.missing).toEqual(['shortCreditsReason']);
    const withReason = (await ok(await put(url, student, { ...short, shortCreditsReason: 'Thesis at home' })))
      .current;
    expect(withReason.missing).toEqual([]);
    await ok(await sign(url, student, withReason.hash));
  });

  it('concurrent signatures of one version are each recorded once', async () => {
    const { student, url } = await mobility();
    const v1 = (await ok(await put(url, student, draft()))).current;
    const responses = await Promise.all([
      sign(url, student, v1.hash),
      sign(url, coordinator, v1.hash, 'Erasmus coordinator'),
      sign(url, student, v1.hash),
      sign(url, admin, v1.hash, 'Head of office'),
      sign(url, coordinator, v1.hash, 'Erasmus coordinator'),
    ]);
    const statuses = responses.map((r) => r.status).sort((a, b) => a - b);
    expect(statuses).toEqual([200, 200, 409, 409, 409]);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.code === 'LA_ALREADY_SIGNED')).toBe(
      true,
    );
    const current = (await ok(await read(url, coordinator))).current;
    expect(current.status).toBe('proposal');
    expect(current.signatures.map((s: { party: string }) => s.party).sort()).toEqual(['sending', 'student']);
  });

  it('a student signs with their account’s name, whatever name they type', async () => {
    const { student, url } = await mobility();
    const v1 = (await ok(await put(url, student, draft()))).current;
    const signed = (await ok(await post(url, 'sign', student, { hash: v1.hash, name: 'Someone Else' })))
      .current;
    expect(signed.signatures).toEqual([
      expect.objectContaining({ party: 'student', name: expect.stringMatching(/^Алия Сәрсенова /) }),
    ]);
  });

  it('nothing changes once the receiving side rejected the nomination', async () => {
    const { student, id, url } = await mobility();
    const v1 = (await ok(await put(url, student, draft()))).current;
    await ok(
      await post(`/api/outgoing/${id}`, 'verification', partner, { outcome: 'rejected', comment: 'Full' }),
    );
    for (const refused of [
      await put(url, student, draft({ shortCreditsReason: 'Again' })),
      await sign(url, student, v1.hash),
    ]) {
      expect([refused.status, refused.body.code]).toEqual([409, 'LA_CLOSED']);
    }
  });

  it('a cancel committed while a signature waits for the mobility’s row wins: nothing is signed', async () => {
    const { student, id, url } = await mobility();
    const v1 = (await ok(await put(url, student, draft()))).current;
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ pid }] = (await runner.query(`SELECT pg_backend_pid() AS pid`)) as Array<{ pid: number }>;
      await runner.query(`UPDATE outgoing_mobilities SET status = 'cancelled' WHERE id = $1`, [id]);
      let settled = false;
      const signing = sign(url, student, v1.hash).finally(() => {
        settled = true;
      });
      // Until the signature either waits for this transaction's row lock or is done without it.
      for (;;) {
        const [{ n }] = (await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
          [pid],
        )) as Array<{ n: number }>;
        if (n > 0 || settled) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await runner.commitTransaction();
      const response = await signing;
      expect([response.status, response.body.code]).toEqual([409, 'LA_CLOSED']);
    } finally {
      await runner.release();
    }
    expect((await ok(await read(url, coordinator))).current.signatures).toEqual([]);
  });
});
