import { ErrorSummary, Form, SubmitButton, fieldId, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { ImportResultResponse } from '../csv/dto/import-result.response.js';
import { CSV_COLUMNS } from '../csv/incoming-csv.js';
import type { ImportRefusal } from './import-problems.js';

/** The file field: label above, hint, error beside, as the other fields. */
function FileField({
  form,
  name,
  label,
  hint,
}: {
  form: FormState;
  name: string;
  label: string;
  hint: string;
}) {
  const id = fieldId(name);
  const error = form.errors.find((item) => item.field === name)?.message;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="file"
        accept=".csv,text/csv"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </div>
  );
}

export function IncomingImportPage({
  form,
  refusal,
  result,
}: {
  form: FormState;
  refusal?: ImportRefusal;
  result?: ImportResultResponse;
}) {
  const { t, href } = usePage();
  return (
    <>
      <p>
        <a href={href('/incoming')}>{t('incoming.back')}</a>
      </p>
      <h1>{t('incoming.import.title')}</h1>
      <ErrorSummary form={form} />
      {result ? (
        <section aria-labelledby="import-result" class="notice">
          <h2 id="import-result">{t('incoming.import.created', { count: result.created })}</h2>
          <p>{t('incoming.import.duplicates')}</p>
          <ul>
            {result.duplicates.map((duplicate) => (
              <li>
                {t('incoming.import.duplicateLine', {
                  line: duplicate.line,
                  email: duplicate.email,
                  year: `${duplicate.academicYear}, ${t(`incoming.term.${duplicate.term}`)}`,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {refusal ? (
        <section aria-labelledby="bad-lines">
          <h2 id="bad-lines">{t('incoming.import.rejected', { count: refusal.lines.length })}</h2>
          <div class="table-wrap" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('incoming.import.line')}</th>
                  <th scope="col">{t('incoming.import.column')}</th>
                  <th scope="col">{t('incoming.import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {refusal.lines.flatMap((bad) =>
                  bad.columns.map((column) => (
                    <tr class="bad-line">
                      <th scope="row">{bad.line}</th>
                      <td>
                        <code>{column.field ?? t('incoming.import.wholeLine')}</code>
                      </td>
                      <td>{column.problems.join('; ')}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          {refusal.unlisted > 0 ? <p>{t('incoming.import.more', { count: refusal.unlisted })}</p> : null}
        </section>
      ) : null}
      <p>{t('incoming.import.lead')}</p>
      <details>
        <summary>{t('incoming.import.columns')}</summary>
        <p>
          <code>{CSV_COLUMNS.join(',')}</code>
        </p>
      </details>
      <Form action={href('/incoming/import')} enctype="multipart/form-data">
        <FileField
          form={form}
          name="file"
          label={t('incoming.import.file')}
          hint={t('incoming.import.fileHint')}
        />
        <SubmitButton>{t('incoming.import.submit')}</SubmitButton>
      </Form>
    </>
  );
}
