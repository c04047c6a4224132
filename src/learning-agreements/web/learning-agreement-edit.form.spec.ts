import { validateForm } from '../../web/form-validation.js';
import { DraftLearningAgreementDto } from '../dto/learning-agreement-input.dto.js';
import {
  FORM_LIMITS,
  boundedFields,
  changesInput,
  changesTotals,
  draftInput,
  draftTotals,
  ectsOf,
  problemsInForm,
  shownRows,
} from './learning-agreement-edit.form.js';

const row = (prefix: string, title: string, code: string, ects: string, term = 'spring') => ({
  [`${prefix}.title`]: title,
  [`${prefix}.code`]: code,
  [`${prefix}.term`]: term,
  [`${prefix}.ects`]: ects,
  [`${prefix}.recognitionConditions`]: '',
});

describe('learning-agreement edit form', () => {
  it('reads ECTS written with a comma or a point, and keeps anything else as text for the DTO to refuse', () => {
    expect([ectsOf('7,5'), ectsOf(' 6 '), ectsOf(''), ectsOf('seven'), ectsOf('1e3')]).toEqual([
      7.5,
      6,
      undefined,
      'seven',
      '1e3',
    ]);
  });

  it('holds a posted form to its own bounds (far more fields than the pipe’s 50), without its CSRF token', () => {
    const many = Object.fromEntries(Array.from({ length: 600 }, (_v, i) => [`tableA.${i}.title`, 'x']));
    expect(Object.keys(boundedFields({ ...many, _csrf: 'token' }) ?? {})).toHaveLength(600);
    const tooMany = Object.fromEntries(
      Array.from({ length: FORM_LIMITS.fields + 1 }, (_v, i) => [`f${i}`, '']),
    );
    expect(boundedFields(tooMany)).toBeUndefined();
    expect(boundedFields({ title: 'x'.repeat(FORM_LIMITS.text + 1) })).toBeUndefined();
    expect(boundedFields({ title: ['a', 'b', 'c', 'd', 'e'] })).toBeUndefined();
  });

  it('leaves blank and removed rows out, and maps a nested problem back to the row the student sees', async () => {
    const fields = {
      ...row('tableA.0', 'Russian', 'RKI-201', '10'),
      ...row('tableA.1', '', '', '', ''), // blank: left out, even with a term chosen
      ...row('tableA.2', 'Kazakh', 'KAZ-101', 'eight'),
      ...row('tableA.3', 'History', 'HIS-310', '6'),
      'tableA.3.remove': '1',
      'tableB.0.title': 'Langue russe',
      'tableB.0.code': 'RU3',
      'tableB.0.ects': '15',
    };
    const { input, paths } = draftInput(fields);
    expect((input.tableA as Array<{ code: string }>).map((c) => c.code)).toEqual(['RKI-201', 'KAZ-101']);
    expect(input.tableC).toBeUndefined();
    expect(paths).toEqual({ 'tableA.0': 'tableA.0', 'tableA.1': 'tableA.2', 'tableB.0': 'tableB.0' });
    const validated = await validateForm(DraftLearningAgreementDto, input);
    expect(validated.ok).toBe(false);
    if (validated.ok) return;
    expect(problemsInForm(validated.problems, paths).map((p) => p.field)).toEqual(['tableA.2.ects']);
    // Totals count what reads as credits.
    expect(draftTotals(fields, 'full-year')).toEqual({
      tables: { A: 10, B: 15, C: 0 },
      semesters: [
        { term: 'autumn', ects: 0 },
        { term: 'spring', ects: 10 },
      ],
      short: true,
    });
  });

  it('shows the rows posted, one more for "add a row", never more than 40 unless posted', () => {
    expect(shownRows(row('tableA.2', 'x', 'y', '1'), 'tableA', false)).toBe(3);
    expect(shownRows(row('tableA.2', 'x', 'y', '1'), 'tableA', true)).toBe(4);
    expect(shownRows(row('tableA.39', 'x', 'y', '1'), 'tableA', true)).toBe(40);
    expect(shownRows(row('tableA.44', 'x', 'y', '1'), 'tableA', true)).toBe(45);
  });

  it('turns ticked approved components and filled insert rows into changes, each with its row', () => {
    const approved = {
      A: [
        { code: 'RKI-201', title: 'Russian', ects: 10, term: 'spring' as const },
        { code: 'KAZ-101', title: 'Kazakh', ects: 14, term: 'spring' as const },
      ],
      B: [{ code: 'RU3', title: 'Langue russe', ects: 20 }],
      C: [],
    };
    const fields = {
      'delete.A.1.selected': 'KAZ-101',
      'delete.A.1.reasonCode': 'timetable-conflict',
      'delete.A.1.reasonText': '',
      ...row('insert.A.0', '', '', ''),
      ...row('insert.A.1', 'History', 'HIS-320', '8'),
      'insert.A.1.reasonCode': 'substituting-deleted',
    };
    const { input, paths } = changesInput(fields, approved);
    expect(input.changes).toEqual([
      {
        table: 'A',
        action: 'delete',
        code: 'KAZ-101',
        reasonCode: 'timetable-conflict',
        reasonText: undefined,
      },
      expect.objectContaining({
        table: 'A',
        action: 'insert',
        code: 'HIS-320',
        ects: 8,
        reasonCode: 'substituting-deleted',
      }),
    ]);
    expect(paths).toEqual({ 'changes.0': 'delete.A.1', 'changes.1': 'insert.A.1' });
    expect(problemsInForm([{ field: 'changes.1.title', constraints: ['isNotEmpty'] }], paths)).toEqual([
      { field: 'insert.A.1.title', constraints: ['isNotEmpty'] },
    ]);
    expect(changesTotals(fields, approved, 'spring')).toMatchObject({
      tables: { A: 18, B: 20, C: 0 },
      semesters: [{ term: 'spring', ects: 18 }],
      short: true,
    });
  });
});
