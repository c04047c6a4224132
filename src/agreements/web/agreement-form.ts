import type { FieldProblem } from '../../web/form-validation.js';
import { textOf } from '../../web/form-validation.js';
import type { AgreementResponse } from '../dto/agreement.response.js';

type Fields = Record<string, string | string[]>;

/** The values an agreement's form starts with. */
export function agreementFormValues(agreement: AgreementResponse): Record<string, string> {
  return {
    partnerInstitutionId: agreement.partnerInstitutionId,
    facultyId: agreement.facultyId ?? '',
    kind: agreement.kind,
    subjectAreas: agreement.subjectAreas.join(', '),
    language: agreement.languageRequirement?.language ?? '',
    cefrLevel: agreement.languageRequirement?.cefrLevel ?? '',
    outgoingPlacesPerYear: String(agreement.outgoingPlacesPerYear),
    incomingPlacesPerYear: String(agreement.incomingPlacesPerYear),
    monthsPerMobility: String(agreement.monthsPerMobility),
    firstAcademicYear: agreement.firstAcademicYear,
    lastAcademicYear: agreement.lastAcademicYear,
    status: agreement.status,
  };
}

/**
 * What the form sent, as the API's CreateAgreementDto input: subject areas split on commas or
 * spaces, the language and its level together (both empty: none), empty optional fields cleared.
 */
export function agreementInput(fields: Fields): Record<string, unknown> {
  const language = textOf(fields, 'language');
  const cefrLevel = textOf(fields, 'cefrLevel');
  return {
    partnerInstitutionId: textOf(fields, 'partnerInstitutionId'),
    facultyId: textOf(fields, 'facultyId') ?? null,
    kind: textOf(fields, 'kind'),
    subjectAreas: (textOf(fields, 'subjectAreas') ?? '').split(/[\s,;]+/).filter(Boolean),
    languageRequirement: language || cefrLevel ? { language, cefrLevel } : null,
    outgoingPlacesPerYear: textOf(fields, 'outgoingPlacesPerYear'),
    incomingPlacesPerYear: textOf(fields, 'incomingPlacesPerYear'),
    monthsPerMobility: textOf(fields, 'monthsPerMobility'),
    firstAcademicYear: textOf(fields, 'firstAcademicYear'),
    lastAcademicYear: textOf(fields, 'lastAcademicYear'),
    status: textOf(fields, 'status'),
  };
}

/** The form's own field for a problem of the nested language requirement. */
export function agreementProblems(problems: FieldProblem[]): FieldProblem[] {
  return problems.map((problem) => ({
    ...problem,
    field:
      problem.field === 'languageRequirement.cefrLevel'
        ? 'cefrLevel'
        : problem.field.startsWith('languageRequirement')
          ? 'language'
          : problem.field,
  }));
}
