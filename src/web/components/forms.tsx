import type { ComponentChildren } from 'preact';
import { usePage } from '../page-context.js';
import { CSRF_FIELD } from '../web-setup.js';

/** A problem with one field, worded for the reader (already in the page's language). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * What a form shows: the values as typed (kept when the form comes back with errors) and its
 * errors. A problem that belongs to no field (a broken rule) uses the field name `form`.
 */
export interface FormState {
  values: Record<string, string | string[] | undefined>;
  errors: FieldError[];
}

export function formState(values: FormState['values'] = {}, errors: FieldError[] = []): FormState {
  return { values, errors };
}

/** The id of a field's control (`choices.0` -> `field-choices-0`): the error summary links to it. */
export const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const errorOf = (form: FormState | undefined, name: string) =>
  form?.errors.find((error) => error.field === name)?.message;

const valueOf = (form: FormState | undefined, name: string): string => {
  const value = form?.values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

const valuesOf = (form: FormState | undefined, name: string): string[] => {
  const value = form?.values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
};

/** The hidden CSRF token every POST form carries. */
export function CsrfField() {
  const page = usePage();
  return <input type="hidden" name={CSRF_FIELD} value={page.csrfToken()} />;
}

/** A form; a POST one carries the CSRF token. Extra attributes (hx-*) pass through. */
export function Form({
  action,
  method = 'post',
  children,
  ...rest
}: {
  action: string;
  method?: 'get' | 'post';
  children: ComponentChildren;
  [attribute: string]: unknown;
}) {
  return (
    <form action={action} method={method} novalidate {...rest}>
      {method === 'post' ? <CsrfField /> : null}
      {children}
    </form>
  );
}

/** The GOV.UK error summary: at the top, focused by the stylesheet's target, linking to each field. */
export function ErrorSummary({ form }: { form: FormState }) {
  const { t } = usePage();
  if (form.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t('web.form.errorSummary')}</h2>
      <ul>
        {form.errors.map((error) => (
          <li>
            {error.field === 'form' ? (
              error.message
            ) : (
              <a href={`#${fieldId(error.field)}`}>{error.message}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  form?: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField({
  form,
  name,
  label,
  hint,
  required,
  type = 'text',
  autocomplete,
  inputmode,
  width,
}: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'search' | 'number' | 'date' | 'tel' | 'url';
  autocomplete?: string;
  inputmode?: string;
  width?: 'short' | 'medium';
}) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        {...({
          id,
          name,
          type,
          value: type === 'password' ? '' : valueOf(form, name),
          autocomplete,
          inputmode,
          required,
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby': describedBy(id, hint, error),
          class: width ? `input-${width}` : undefined,
        } as object)}
      />
    </FieldFrame>
  );
}

export function TextArea({ form, name, label, hint, required, rows = 6 }: FieldProps & { rows?: number }) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {valueOf(form, name)}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select({
  form,
  name,
  label,
  hint,
  required,
  options,
  blank,
}: FieldProps & { options: Option[]; blank?: string }) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  const selected = valueOf(form, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((option) => (
          <option value={option.value} selected={option.value === selected}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of radios or checkboxes in a fieldset whose legend is the question. */
export function Choices({
  form,
  name,
  label,
  hint,
  options,
  multiple = false,
}: FieldProps & { options: Option[]; multiple?: boolean }) {
  const id = fieldId(name);
  const error = errorOf(form, name);
  const chosen = valuesOf(form, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset id={id} aria-describedby={describedBy(id, hint, error)}>
        <legend>{label}</legend>
        {hint ? (
          <p class="hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p class="error-message" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        {options.map((option, index) => (
          <div class="choice">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={`${id}-${index}`}
              name={name}
              value={option.value}
              checked={chosen.includes(option.value)}
            />
            <label for={`${id}-${index}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function SubmitButton({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'warning';
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={`button button-${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}
