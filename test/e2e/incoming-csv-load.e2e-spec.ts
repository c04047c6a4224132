import { setTimeout as sleep } from 'node:timers/promises';
import {
  hostFaculty,
  partnerInstitution,
  shortTag,
  type FixtureFaculty,
  type FixtureInstitution,
} from '../support/incoming-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const HEADER =
  'firstName,lastName,email,homeInstitutionSchacCode,hostFacultyCode,agreementId,academicYear,term,status,' +
  'plannedArrival,plannedDeparture,actualArrival,actualDeparture,notes';
const MAX_ROWS = 5000;
const MAX_BYTES = 5 * 1024 * 1024;
/** What /health may take while an import runs (issue 19). */
const HEALTH_BUDGET_MS = 100;

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

describe('Incoming CSV import: bounded work, one at a time (e2e)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let baseUrl: string;
  let partner: FixtureInstitution;
  let faculty: FixtureFaculty;

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.createUser('coordinator');
    const address = t.app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    partner = await partnerInstitution(t);
    faculty = await hostFaculty(t);
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * The largest valid file: MAX_ROWS rows, each with notes long enough that the file is just
   * under MAX_BYTES.
   */
  function largestValidFile(tag: string): string {
    const line = (index: number, notes: string) =>
      `Arman,Serikov,load-${tag}-${index}@kaznu.kz,${partner.schacCode},${faculty.code},,2025/2026,spring,` +
      `nominated,2026-02-01,2026-06-30,,,${notes}`;
    const room = Math.floor((MAX_BYTES - HEADER.length - 64) / MAX_ROWS) - line(MAX_ROWS, '').length - 1;
    const notes = 'n'.repeat(room);
    const rows = Array.from({ length: MAX_ROWS }, (_, index) => line(index, notes));
    const file = `${HEADER}\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(file)).toBeGreaterThan(4.9 * 1024 * 1024);
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(MAX_BYTES);
    return file;
  }

  async function importCsv(csv: string, signal?: AbortSignal): Promise<Answer> {
    const response = await fetch(`${baseUrl}/api/incoming/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coordinator.token}`, 'content-type': 'text/csv' },
      body: csv,
      signal,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  /** Runs `work` while GET /health is asked every 10 ms; the slowest answer and how many there were. */
  async function whileProbingHealth<T>(work: () => Promise<T>) {
    let done = false;
    const latencies: number[] = [];
    const probing = (async () => {
      while (!done) {
        const start = performance.now();
        const response = await fetch(`${baseUrl}/health`);
        await response.arrayBuffer();
        expect(response.status).toBe(200);
        latencies.push(performance.now() - start);
        await sleep(10);
      }
    })();
    const start = performance.now();
    try {
      const result = await work();
      return {
        result,
        elapsed: performance.now() - start,
        probes: latencies.length,
        slowest: Math.max(...latencies),
      };
    } finally {
      done = true;
      await probing;
    }
  }

  const countByEmail = async (pattern: string) =>
    (
      (await t.dataSource.query(
        `SELECT count(*)::int AS count FROM incoming_mobilities WHERE email LIKE $1`,
        [pattern],
      )) as Array<{ count: number }>
    )[0].count;

  it(`imports the largest file (${MAX_ROWS} rows, 5 MB) while /health keeps answering within ${HEALTH_BUDGET_MS} ms`, async () => {
    const tag = shortTag();
    const file = largestValidFile(tag);
    const { result, probes, slowest } = await whileProbingHealth(() => importCsv(file));
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ created: MAX_ROWS, duplicates: [] });
    expect(await countByEmail(`load-${tag}-%`)).toBe(MAX_ROWS);
    // /health was asked throughout the import, and never waited long.
    expect(probes).toBeGreaterThanOrEqual(5);
    expect(slowest).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('refuses 512 KB of one-value lines quickly, past the row cap, with /health unaffected', async () => {
    const file = `${HEADER}\n${'x\n'.repeat((512 * 1024 - HEADER.length) / 2)}`;
    const { result, elapsed, slowest } = await whileProbingHealth(() => importCsv(file));
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({
      code: 'INCOMING_IMPORT_TOO_MANY_ROWS',
      maxRows: MAX_ROWS,
      line: MAX_ROWS + 2,
      message: expect.stringContaining(`at most ${MAX_ROWS} rows`),
    });
    expect(elapsed).toBeLessThan(2000);
    expect(slowest).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('lists at most 500 problems of a file whose every line is bad, and counts them all', async () => {
    const file = `${HEADER}\n${'x\n'.repeat(MAX_ROWS)}`;
    const { result, slowest } = await whileProbingHealth(() => importCsv(file));
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('INCOMING_IMPORT_INVALID');
    expect(result.body.problemCount).toBe(MAX_ROWS);
    expect(result.body.fields).toHaveLength(500);
    expect(result.body.fields[0]).toEqual({
      line: 2,
      field: null,
      problems: ['The line has 1 field(s) where the header has 14'],
    });
    expect(result.body.message).toMatch(
      /^Nothing was imported: 5000 problem\(s\) on line\(s\) 2, 3, .*, 21, \.\.\.$/,
    );
    expect(slowest).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('runs one import at a time: a second one meanwhile gets 429 with Retry-After and stores nothing', async () => {
    const [first, second] = [shortTag(), shortTag()];
    const answers = await Promise.all([
      importCsv(largestValidFile(first)),
      importCsv(largestValidFile(second)),
    ]);
    expect(answers.map((answer) => answer.status).sort((a, b) => a - b)).toEqual([200, 429]);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body).toMatchObject({ code: 'INCOMING_IMPORT_BUSY', statusCode: 429 });
    const refusedTag = answers[0] === refused ? first : second;
    const acceptedTag = answers[0] === refused ? second : first;
    expect(await countByEmail(`load-${refusedTag}-%`)).toBe(0);
    expect(await countByEmail(`load-${acceptedTag}-%`)).toBe(MAX_ROWS);
  });

  it('stops an import whose client went away: nothing is stored and the next import runs', async () => {
    // A header-only file imports nothing; it answers 429 while another import runs, 200 otherwise.
    const probe = () => importCsv(`${HEADER}\n`);
    const tag = shortTag();
    const file = largestValidFile(tag);
    // Start the import and wait until it runs (a probe is refused); should a probe take the gate
    // just as the import arrives, the import is the one refused: start it again.
    let running = false;
    let aborter = new AbortController();
    let abandoned: Promise<Answer | Error> | undefined;
    for (let start = 0; start < 5 && !running; start++) {
      aborter = new AbortController();
      let settled: Answer | Error | undefined;
      abandoned = importCsv(file, aborter.signal).catch((error: Error) => error);
      void abandoned.then((outcome) => (settled = outcome));
      await sleep(100);
      while (!running && settled === undefined) {
        running = (await probe()).status === 429;
        if (!running) await sleep(20);
      }
      if (!running) expect(settled).toMatchObject({ status: 429 });
    }
    expect(running).toBe(true);
    aborter.abort();
    expect(await abandoned).toMatchObject({ name: 'AbortError' });

    // The work stops at its next turn and the gate opens again.
    let accepted: Answer | undefined;
    for (let attempt = 0; attempt < 200 && accepted?.status !== 200; attempt++) {
      accepted = await probe();
      if (accepted.status !== 200) await sleep(50);
    }
    expect(accepted).toMatchObject({ status: 200, body: { created: 0, duplicates: [] } });
    expect(await countByEmail(`load-${tag}-%`)).toBe(0);
  });
});
