import { randomInt, randomUUID } from 'node:crypto';
import { Institution } from '../../src/institutions/institution.entity.js';
import { Programme } from '../../src/programmes/programme.entity.js';
import { insertInstitution, insertProgramme } from '../support/catalogue-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const MOTIVATION =
  'I study Russian and Kazakh and want to follow the language and culture courses at Al-Farabi.';
const WEIGHTS = { grade: 1, language: 1, motivation: 1 };

/**
 * Selection rounds through HTTP: each scenario uses an academic year of its own, so that a round
 * (which reads every application of its year and term) sees only the scenario's applications.
 */
describe('Selection rounds (e2e)', () => {
  let t: TestApp;
  let host: Institution;
  let advisor: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await bootApp();
    host = await insertInstitution(t, { name: 'Round host university', countryCode: 'KZ' });
    advisor = await t.createUser('advisor');
    coordinator = await t.createUser('coordinator');
  });
  afterAll(async () => {
    await t.close();
  });

  /** An academic year no other scenario (nor, very likely, suite) uses. */
  function freshYear(): string {
    const start = 2200 + randomInt(0, 7000);
    return `${start}/${start + 1}`;
  }

  function programme(year: string, places: number): Promise<Programme> {
    return insertProgramme(t, host.id, { academicYear: year, term: 'autumn', places, status: 'published' });
  }

  /** Closes the windows of these programmes (rows this suite made): a round allocates closed calls only. */
  async function close(programmes: Programme[]): Promise<void> {
    await t.dataSource.query(
      `UPDATE programmes SET application_opens_at = now() - interval '2 days', application_closes_at = now() - interval '1 second'
        WHERE id = ANY($1::uuid[])`,
      [programmes.map((p) => p.id)],
    );
  }

  interface Applicant {
    id: string;
    student: TestUser;
  }

  async function apply(choices: Programme[], gradeAverage: number): Promise<Applicant> {
    const student = await t.createUser('student');
    const created = await t.http.post(
      '/api/applications',
      {
        choices: choices.map((p) => p.id),
        motivation: MOTIVATION,
        gradeAverage,
        languageSkills: [{ language: 'en', cefrLevel: 'B2' }],
      },
      { token: student.token },
    );
    expect(created.status).toBe(201);
    const submit = await t.http.post(`/api/applications/${created.body.id}/submit`, undefined, {
      token: student.token,
    });
    expect(submit.status).toBe(200);
    return { id: created.body.id as string, student };
  }

  const rate = (id: string, motivationRating: number, by: TestUser = advisor) =>
    t.http.patch(
      `/api/applications/${id}/assessment`,
      { motivationRating, note: 'Clear plan' },
      { token: by.token },
    );

  const createRound = (academicYear: string, extra: Record<string, unknown> = {}) =>
    t.http.post(
      '/api/selection-rounds',
      { academicYear, term: 'autumn', weights: WEIGHTS, ...extra },
      { token: coordinator.token },
    );

  const commit = (id: string) =>
    t.http.post(`/api/selection-rounds/${id}/commit`, undefined, { token: advisor.token });

  /** Every result of a round, in its order, read two to a page (so the paging is walked too). */
  async function resultsOf(id: string): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.http.get(`/api/selection-rounds/${id}/results`, {
        token: coordinator.token,
        query: { limit: 2, cursor },
      });
      expect(page.status).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  async function state(ids: string[]): Promise<Map<string, { status: string; placed: string | null }>> {
    const rows: Array<{ id: string; status: string; placed_programme_id: string | null }> =
      await t.dataSource.query(
        `SELECT id, status, placed_programme_id FROM applications WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    return new Map(rows.map((row) => [row.id, { status: row.status, placed: row.placed_programme_id }]));
  }

  async function taken(programmes: Programme[]): Promise<number[]> {
    const rows: Array<{ id: string; places_taken: number }> = await t.dataSource.query(
      `SELECT id, places_taken FROM programmes WHERE id = ANY($1::uuid[])`,
      [programmes.map((p) => p.id)],
    );
    const byId = new Map(rows.map((row) => [row.id, row.places_taken]));
    return programmes.map((p) => byId.get(p.id)!);
  }

  it('rates a motivation on the timeline, for staff only, and refuses a round while one is missing', async () => {
    const year = freshYear();
    const p1 = await programme(year, 1);
    const a = await apply([p1], 15);
    const b = await apply([p1], 12);
    await close([p1]);

    const rated = await rate(a.id, 4);
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({
      applicationId: a.id,
      motivationRating: 4,
      note: 'Clear plan',
      assessedById: advisor.id,
    });
    expect((await rate(a.id, 6)).status).toBe(400);
    expect(
      (
        await t.http.patch(
          `/api/applications/${a.id}/assessment`,
          { motivationRating: 3 },
          { token: a.student.token },
        )
      ).status,
    ).toBe(403);

    const events = await t.http.get(`/api/applications/${a.id}/events`, { token: a.student.token });
    expect(events.body.items.at(-1)).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'submitted',
      comment: 'Motivation rated 4/5',
    });
    const staffView = await t.http.get(`/api/applications/${a.id}`, { token: advisor.token });
    expect(staffView.body.assessment).toMatchObject({ motivationRating: 4, note: 'Clear plan' });
    const studentView = await t.http.get(`/api/applications/${a.id}`, { token: a.student.token });
    expect(studentView.body.assessment).toBeUndefined();
    expect(studentView.body.selection).toBeNull();

    const refused = await createRound(year);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'SCORES_INCOMPLETE', applicationIds: [b.id] });
    const none: Array<{ count: number }> = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM selection_rounds WHERE academic_year = $1`,
      [year],
    );
    expect(none[0].count).toBe(0);
  });

  it('previews without changing anything, then commits exactly the preview; a round commits once', async () => {
    const year = freshYear();
    const p1 = await programme(year, 1);
    const p2 = await programme(year, 2);
    const top = await apply([p1, p2], 18);
    const second = await apply([p1, p2], 16);
    const third = await apply([p1], 14);
    const fourth = await apply([p2], 10);
    const all = [top, second, third, fourth];
    for (const [index, applicant] of all.entries())
      expect((await rate(applicant.id, 5 - index)).status).toBe(200);
    await close([p1, p2]);

    const before = await state(all.map((a) => a.id));
    const created = await createRound(year);
    expect(created.status).toBe(201);
    const round = created.body;
    expect(round).toMatchObject({
      status: 'preview',
      academicYear: year,
      term: 'autumn',
      applicationCount: 4,
      placedCount: 3,
    });
    const results = await resultsOf(round.id);
    expect(results.map((entry: { applicationId: string }) => entry.applicationId)).toEqual(
      all.map((a) => a.id),
    );
    expect(results.map((entry: { rank: number }) => entry.rank)).toEqual([1, 2, 3, 4]);
    expect(results[0]).toMatchObject({
      rank: 1,
      outcome: 'placed',
      programmeId: p1.id,
      choiceRank: 1,
      reasons: [],
    });
    const cutoff = results[0].score;
    expect(results[1]).toMatchObject({
      outcome: 'placed',
      programmeId: p2.id,
      reasons: [{ programmeId: p1.id, rank: 1, reason: 'FULL', cutoffScore: cutoff, rule: null }],
    });
    expect(results[2]).toMatchObject({
      outcome: 'waitlisted',
      programmeId: null,
      reasons: [{ reason: 'FULL' }],
    });
    expect(results[3]).toMatchObject({ outcome: 'placed', programmeId: p2.id });
    expect(round.programmes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          programmeId: p1.id,
          places: 1,
          capacity: 1,
          taken: 1,
          cutoffScore: cutoff,
        }),
        expect.objectContaining({ programmeId: p2.id, places: 2, capacity: 2, taken: 2 }),
      ]),
    );
    // The preview changed nothing, and students see nothing of it.
    expect(await state(all.map((a) => a.id))).toEqual(before);
    expect(await taken([p1, p2])).toEqual([0, 0]);
    expect(
      (await t.http.get(`/api/applications/${top.id}`, { token: top.student.token })).body.selection,
    ).toBeNull();
    expect(
      (await t.http.get(`/api/selection-rounds/${round.id}`, { token: coordinator.token })).body,
    ).toEqual(round);
    const listed = await t.http.get('/api/selection-rounds', { token: advisor.token });
    expect(listed.status).toBe(200);

    const committed = await commit(round.id);
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ status: 'committed', committedById: advisor.id });
    expect(await resultsOf(round.id)).toEqual(results);
    const after = await state(all.map((a) => a.id));
    for (const entry of results) {
      expect(after.get(entry.applicationId)).toEqual(
        entry.programmeId
          ? { status: 'approved', placed: entry.programmeId }
          : { status: 'waitlisted', placed: null },
      );
    }
    expect(await taken([p1, p2])).toEqual([1, 2]);
    const events = await t.http.get(`/api/applications/${second.id}/events`, { token: second.student.token });
    expect(events.body.items.at(-1)).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'approved',
      programmeId: p2.id,
      comment: expect.stringContaining(round.id),
    });

    const again = await commit(round.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ROUND_ALREADY_COMMITTED');
    expect(await taken([p1, p2])).toEqual([1, 2]);
  });

  it('refuses a commit with ROUND_STALE when a rating changed since the preview, and changes nothing', async () => {
    const year = freshYear();
    const p1 = await programme(year, 1);
    const a = await apply([p1], 15);
    const b = await apply([p1], 15);
    await rate(a.id, 3);
    await rate(b.id, 2);
    await close([p1]);
    const round = (await createRound(year)).body;
    expect(round.status).toBe('preview');

    expect((await rate(b.id, 5)).status).toBe(200);
    const refused = await commit(round.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ROUND_STALE');
    const after = await state([a.id, b.id]);
    expect([...after.values()].map((row) => row.status)).toEqual(['submitted', 'submitted']);
    expect(await taken([p1])).toEqual([0]);
    expect(
      (await t.http.get(`/api/selection-rounds/${round.id}`, { token: advisor.token })).body.status,
    ).toBe('preview');

    // A new round over the new ratings commits.
    const fresh = (await createRound(year)).body;
    expect((await resultsOf(fresh.id))[0].applicationId).toBe(b.id);
    expect((await commit(fresh.id)).status).toBe(200);
  });

  it('lets exactly one of two commits fired at once succeed', async () => {
    const year = freshYear();
    const p1 = await programme(year, 2);
    const applicants = [await apply([p1], 11), await apply([p1], 12), await apply([p1], 13)];
    for (const applicant of applicants) await rate(applicant.id, 3);
    await close([p1]);
    const round = (await createRound(year)).body;
    const other = (await createRound(year)).body;

    const answers = await Promise.all([commit(round.id), commit(round.id), commit(other.id)]);
    expect(answers.map((answer) => answer.status).sort((a: number, b: number) => a - b)).toEqual([
      200, 409, 409,
    ]);
    for (const answer of answers.filter((one) => one.status === 409)) {
      expect(['ROUND_ALREADY_COMMITTED', 'ROUND_STALE']).toContain(answer.body.code);
    }
    expect(await taken([p1])).toEqual([2]);
  });

  it('never overbooks: 40 applications for 5 places', async () => {
    const year = freshYear();
    const programmes = [await programme(year, 2), await programme(year, 3)];
    const applicants: Applicant[] = [];
    for (let index = 0; index < 40; index += 1) {
      const applicant = await apply(
        index % 2 === 0 ? programmes : [...programmes].reverse(),
        10 + (index % 10),
      );
      expect((await rate(applicant.id, index % 6)).status).toBe(200);
      applicants.push(applicant);
    }
    await close(programmes);
    const round = (await createRound(year)).body;
    expect(round.placedCount).toBe(5);
    const answers = await Promise.all([commit(round.id), commit(round.id)]);
    expect(answers.map((answer) => answer.status).sort((a: number, b: number) => a - b)).toEqual([200, 409]);
    expect(await taken(programmes)).toEqual([2, 3]);
    const after = await state(applicants.map((a) => a.id));
    expect([...after.values()].filter((row) => row.status === 'approved')).toHaveLength(5);
    expect([...after.values()].filter((row) => row.status === 'waitlisted')).toHaveLength(35);
  });

  it('shows a student their own score, rank, outcome and reasons after the commit, and never another student’s', async () => {
    const year = freshYear();
    const p1 = await programme(year, 1);
    const p2 = await programme(year, 1);
    const winner = await apply([p1], 19);
    const loser = await apply([p1, p2], 8);
    await rate(winner.id, 5);
    await rate(loser.id, 1);
    await close([p1, p2]);
    const round = (await createRound(year)).body;
    const results = await resultsOf(round.id);
    expect((await commit(round.id)).status).toBe(200);

    const own = await t.http.get(`/api/applications/${loser.id}`, { token: loser.student.token });
    expect(own.status).toBe(200);
    expect(own.body.assessment).toBeUndefined();
    expect(own.body.selection).toMatchObject({
      roundId: round.id,
      rank: 2,
      applicationCount: 2,
      outcome: 'placed',
      programmeId: p2.id,
      choiceRank: 2,
      reasons: [
        {
          programmeId: p1.id,
          title: p1.title,
          rank: 1,
          reason: 'FULL',
          cutoffScore: results[0].score,
        },
      ],
    });
    expect(own.body.selection.score).toBe(results[1].score);
    expect((await t.http.get(`/api/applications/${winner.id}`, { token: loser.student.token })).status).toBe(
      404,
    );
    expect(
      (await t.http.get(`/api/selection-rounds/${round.id}`, { token: loser.student.token })).status,
    ).toBe(403);
  });

  it('with allowUpgrades moves an approved student up to a better choice and gives their old place to the next', async () => {
    const year = freshYear();
    const p1 = await programme(year, 1);
    const p2 = await programme(year, 1);
    const mover = await apply([p1, p2], 15);
    const next = await apply([p2], 10);
    await rate(mover.id, 4);
    await rate(next.id, 1);
    // The mover was approved on the second choice by a single decision; the first one is free.
    expect(
      (
        await t.http.post(
          `/api/applications/${mover.id}/decision`,
          { outcome: 'approve', programmeId: p2.id },
          { token: advisor.token },
        )
      ).status,
    ).toBe(200);
    await close([p1, p2]);

    const plain = (await createRound(year)).body;
    expect(
      (await resultsOf(plain.id)).map((entry: { applicationId: string }) => entry.applicationId),
    ).toEqual([next.id]);
    const round = (await createRound(year, { allowUpgrades: true })).body;
    expect(await resultsOf(round.id)).toEqual([
      expect.objectContaining({ applicationId: mover.id, programmeId: p1.id, heldProgrammeId: p2.id }),
      expect.objectContaining({ applicationId: next.id, programmeId: p2.id }),
    ]);
    expect((await commit(round.id)).status).toBe(200);
    expect(await state([mover.id, next.id])).toEqual(
      new Map([
        [mover.id, { status: 'approved', placed: p1.id }],
        [next.id, { status: 'approved', placed: p2.id }],
      ]),
    );
    expect(await taken([p1, p2])).toEqual([1, 1]);
    // The plain round's inputs changed under it.
    expect((await commit(plain.id)).body.code).toBe('ROUND_STALE');
  });

  it('names bad input: weights out of range or all zero, an unknown term', async () => {
    const year = freshYear();
    expect((await createRound(year, { weights: { grade: -1, language: 1, motivation: 1 } })).status).toBe(
      400,
    );
    expect(
      (await createRound(year, { weights: { grade: 0, language: 0, motivation: 0 } })).body,
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await createRound(year, { term: 'winter' })).status).toBe(400);
    expect((await createRound(year, { weights: 'heavy' })).status).toBe(400);
  });

  it('names bad input to a round’s results: a cursor it did not give out, a page too large, an unknown round', async () => {
    const year = freshYear();
    const p1 = await programme(year, 1);
    const only = await apply([p1], 12);
    await rate(only.id, 3);
    await close([p1]);
    const round = (await createRound(year)).body;
    const results = (query: Record<string, string | number>, id = round.id) =>
      t.http.get(`/api/selection-rounds/${id}/results`, { token: advisor.token, query });
    const forged = Buffer.from(JSON.stringify(['1'])).toString('base64url');
    for (const cursor of ['not-a-cursor', forged]) {
      expect((await results({ cursor })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await results({ limit: 101 })).status).toBe(400);
    expect((await results({}, randomUUID())).status).toBe(404);
    expect((await results({})).body).toEqual({
      items: [expect.objectContaining({ applicationId: only.id, rank: 1, outcome: 'placed' })],
      nextCursor: null,
    });
  });
});
