import { DomainException } from '../common/errors/domain.exception.js';
import type { FieldError } from './components/forms.js';
import type { FieldProblem } from './form-validation.js';
import type { Page } from './web-pages.service.js';

/**
 * What a form shows when its service refuses the input: bad input only the service can see (a 400
 * naming fields, such as a date order) beside each named field, a broken rule (409 with a code) as
 * the sentence of its code at the top. Undefined for anything else (the caller rethrows it: the
 * error page answers).
 */
export function refusalErrors(
  page: Page,
  error: unknown,
  labels: Record<string, string>,
): { status: number; errors: FieldError[] } | undefined {
  if (!(error instanceof DomainException) || error.status >= 500) {
    const sentence = error instanceof DomainException ? undefined : page.errorSentence(error);
    return sentence ? { status: 409, errors: [{ field: 'form', message: sentence }] } : undefined;
  }
  const fields = Array.isArray(error.details?.fields)
    ? (error.details.fields as Array<{ field?: unknown }>)
        .map((item) => item.field)
        .filter((field): field is string => typeof field === 'string')
    : [];
  const known = fields.filter((field) => field in labels);
  if (error.status === 400 && known.length > 0) {
    return {
      status: 400,
      errors: [...new Set(known)].map((field) => ({
        field,
        message: page.t('web.validation.invalid', { field: labels[field] }),
      })),
    };
  }
  const sentence = page.errorSentence(error);
  return sentence ? { status: error.status, errors: [{ field: 'form', message: sentence }] } : undefined;
}

/** Constraints saying a field is missing, shown before any other the same field breaks. */
const MISSING = ['isDefined', 'isNotEmpty'];

/**
 * Problems with "missing" first among each field's constraints, so an empty required field reads
 * "Enter City" rather than the first other rule it also breaks (such as a maximum length).
 */
export function missingFirst(problems: FieldProblem[]): FieldProblem[] {
  return problems.map(({ field, constraints }) => ({
    field,
    constraints: [
      ...constraints.filter((name) => MISSING.includes(name)),
      ...constraints.filter((name) => !MISSING.includes(name)),
    ],
  }));
}
