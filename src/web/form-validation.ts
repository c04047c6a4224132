import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { findIllFormedText } from '../common/errors/validation.js';
import { CSRF_FIELD } from './web-setup.js';

/** One field's broken constraints, by class-validator name (`isEmail`, `minLength`, ...). */
export interface FieldProblem {
  field: string;
  constraints: string[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, constraints: Object.keys(error.constraints) }] : [];
    return own.concat(flatten(error.children ?? [], field));
  });
}

/**
 * Checks what a form sent against the API's own DTO, with the same rules as the global pipe
 * (unknown fields refused, values transformed), but answers the problems instead of throwing,
 * so the page can show them beside the fields.
 */
export async function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  input: Record<string, unknown>,
): Promise<Validated<T>> {
  const illFormed = findIllFormedText(input);
  if (illFormed) return { ok: false, problems: [{ field: illFormed, constraints: ['wellFormed'] }] };
  const value = plainToInstance(dto, input);
  let errors: ValidationError[];
  try {
    errors = await validate(value, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
  } catch {
    return { ok: false, problems: [{ field: 'form', constraints: ['invalid'] }] };
  }
  return errors.length === 0 ? { ok: true, value } : { ok: false, problems: flatten(errors) };
}

/** A form's fields without its CSRF token, each a string or a list of strings. */
export function formFields(body: unknown): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  if (!body || typeof body !== 'object') return fields;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === CSRF_FIELD) continue;
    if (typeof value === 'string') fields[name] = value;
    else if (Array.isArray(value))
      fields[name] = value.filter((item): item is string => typeof item === 'string');
  }
  return fields;
}

/** The field's text, trimmed; empty or absent is undefined (an empty field means "not given"). */
export function textOf(fields: Record<string, string | string[]>, name: string): string | undefined {
  const value = fields[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

/** The field's values, empty ones dropped (checkboxes, repeated selects). */
export function listOf(fields: Record<string, string | string[]>, name: string): string[] {
  const value = fields[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .map((item) => item.trim())
    .filter(Boolean);
}
