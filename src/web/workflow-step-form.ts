import type { ClassConstructor } from 'class-transformer';
import { InvalidInputError } from '../common/errors/domain.exception.js';
import { formState, type FieldError, type FormState } from './components/forms.js';
import { formFields, textOf, validateForm } from './form-validation.js';
import { missingFirst } from './input-errors.js';
import type { Page } from './web-pages.service.js';

/** What a workflow step form sends: the target status, and that step's date and comment. */
interface StepInput {
  to?: string;
  date?: string | null;
  comment?: string | null;
}

export interface StepFormOptions<Dto extends StepInput> {
  /** The API's DTO of the step (the same rules as POST /api/.../:id/transition). */
  dto: ClassConstructor<Dto>;
  /** The labels of the step's fields and of the form, in the page's language. */
  labels: { date: string; comment: string; form: string };
  /** The sentence for a date the service refused (e.g. a return before the arrival). */
  badDate: string;
  /** Moves the record (the service's own transition). */
  move: (value: Dto) => Promise<unknown>;
  /** Renders the record's page again with the step's form and its errors. */
  showAgain: (attempt: { to: string; form: FormState }, status: number) => Promise<void>;
  /** Redirects after the move (POST, 303, GET). */
  done: () => void;
}

/**
 * The POST of a step form on a mobility's page (incoming and outgoing): each step's form names its
 * fields after the target status (`live-date`, `cancelled-comment`) because one page shows several.
 * Refusals come back beside the field they concern, or at the top of the form, in the page's
 * language; a 404 is the 404 page.
 */
export async function submitWorkflowStep<Dto extends StepInput>(
  page: Page,
  body: unknown,
  options: StepFormOptions<Dto>,
): Promise<void> {
  const fields = formFields(body);
  const to = textOf(fields, 'to') ?? '';
  const dateField = `${to}-date`;
  const commentField = `${to}-comment`;
  const again = (errors: FieldError[], status: number) =>
    options.showAgain({ to, form: formState(fields, errors) }, status);

  const validated = await validateForm(options.dto, {
    to: textOf(fields, 'to'),
    date: textOf(fields, dateField),
    comment: textOf(fields, commentField),
  });
  if (!validated.ok) {
    const problems = validated.problems.map((problem) => ({
      ...problem,
      field: problem.field === 'date' ? dateField : problem.field === 'comment' ? commentField : 'form',
    }));
    const errors = page.fieldErrors(missingFirst(problems), {
      [dateField]: options.labels.date,
      [commentField]: options.labels.comment,
      form: options.labels.form,
    });
    return again(errors, 400);
  }
  try {
    await options.move(validated.value);
  } catch (error) {
    if (error instanceof InvalidInputError && namesField(error, 'date')) {
      return again([{ field: dateField, message: options.badDate }], 400);
    }
    const sentence = page.errorSentence(error);
    const status = (error as { status?: number }).status;
    if (!sentence || status === 404) throw error;
    return again([{ field: 'form', message: sentence }], status === 400 ? 400 : 409);
  }
  options.done();
}

function namesField(error: InvalidInputError, field: string): boolean {
  const fields = (error.details?.fields ?? []) as Array<{ field: string }>;
  return fields.some((entry) => entry.field === field);
}
