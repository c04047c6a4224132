import { dateOrderProblems } from './programme-rules.js';

describe('dateOrderProblems', () => {
  const valid = {
    applicationOpensAt: new Date('2025-10-01T08:00:00Z'),
    applicationClosesAt: new Date('2025-11-30T22:59:59Z'),
    startDate: '2026-02-02',
    endDate: '2026-06-30',
  };

  it('accepts opens < closes <= start < end', () => {
    expect(dateOrderProblems(valid)).toEqual([]);
  });

  it('accepts applications closing at the very start of the first day', () => {
    expect(dateOrderProblems({ ...valid, applicationClosesAt: new Date('2026-02-02T00:00:00Z') })).toEqual(
      [],
    );
  });

  it('names the fields of each broken link', () => {
    expect(dateOrderProblems({ ...valid, applicationOpensAt: valid.applicationClosesAt })).toEqual([
      expect.objectContaining({ fields: ['applicationOpensAt', 'applicationClosesAt'] }),
    ]);
    expect(
      dateOrderProblems({ ...valid, applicationClosesAt: new Date('2026-02-02T00:00:00.001Z') }),
    ).toEqual([expect.objectContaining({ fields: ['applicationClosesAt', 'startDate'] })]);
    expect(dateOrderProblems({ ...valid, endDate: valid.startDate })).toEqual([
      expect.objectContaining({ fields: ['startDate', 'endDate'] }),
    ]);
  });

  it('reports every broken link at once', () => {
    const problems = dateOrderProblems({
      applicationOpensAt: new Date('2026-03-01T00:00:00Z'),
      applicationClosesAt: new Date('2026-02-01T00:00:00Z'),
      startDate: '2026-01-15',
      endDate: '2026-01-10',
    });
    expect(problems.map((problem) => problem.fields)).toEqual([
      ['applicationOpensAt', 'applicationClosesAt'],
      ['applicationClosesAt', 'startDate'],
      ['startDate', 'endDate'],
    ]);
  });
});
