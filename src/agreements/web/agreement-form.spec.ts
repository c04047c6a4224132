import { agreementInput, agreementProblems } from './agreement-form.js';

describe('the agreement form', () => {
  it('splits subject areas and pairs the language with its level; both empty is none', () => {
    expect(
      agreementInput({ subjectAreas: '0231, 0232;0311', language: 'ru', cefrLevel: 'B1' }),
    ).toMatchObject({
      subjectAreas: ['0231', '0232', '0311'],
      languageRequirement: { language: 'ru', cefrLevel: 'B1' },
      facultyId: null,
    });
    expect(agreementInput({ subjectAreas: ' ', language: '', cefrLevel: '' })).toMatchObject({
      subjectAreas: [],
      languageRequirement: null,
    });
  });

  it('puts the nested language problems beside the form’s own fields', () => {
    expect(
      agreementProblems([
        { field: 'languageRequirement.language', constraints: ['isIso6391'] },
        { field: 'languageRequirement.cefrLevel', constraints: ['isIn'] },
        { field: 'kind', constraints: ['isIn'] },
      ]).map((problem) => problem.field),
    ).toEqual(['language', 'cefrLevel', 'kind']);
  });
});
