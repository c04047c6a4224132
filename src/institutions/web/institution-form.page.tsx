import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { FacultyResponse } from '../dto/faculty.response.js';
import type { InstitutionResponse } from '../dto/institution.response.js';

/** Add an institution, or edit one with its faculties and the form adding a faculty. */
export function InstitutionFormPage({
  form,
  institution,
  faculties = [],
  facultyForm,
}: {
  form: FormState;
  institution?: InstitutionResponse;
  faculties?: FacultyResponse[];
  facultyForm?: FormState;
}) {
  const { t, href } = usePage();
  const f = (key: string) => t(`institutions.staff.field.${key}`);
  return (
    <>
      <p>
        <a href={href('/manage/institutions')}>{t('institutions.staff.back')}</a>
      </p>
      <h1>{institution ? institution.name : t('institutions.staff.new.title')}</h1>
      <ErrorSummary form={form} />
      {facultyForm ? <ErrorSummary form={facultyForm} /> : null}
      <Form action={href(institution ? `/manage/institutions/${institution.id}` : '/manage/institutions')}>
        <TextField form={form} name="name" label={f('name')} />
        <TextField form={form} name="abbreviation" label={f('abbreviation')} width="medium" />
        <TextField
          form={form}
          name="countryCode"
          label={f('country')}
          hint={f('countryHint')}
          width="short"
        />
        <TextField form={form} name="city" label={f('city')} />
        <TextField form={form} name="website" type="url" label={f('website')} hint={f('websiteHint')} />
        <TextField form={form} name="schacCode" label={f('schacCode')} hint={f('schacCodeHint')} />
        <TextField
          form={form}
          name="erasmusCode"
          label={f('erasmusCode')}
          hint={f('erasmusCodeHint')}
          width="medium"
        />
        <SubmitButton>
          {t(institution ? 'institutions.staff.save' : 'institutions.staff.create')}
        </SubmitButton>
      </Form>
      {institution && facultyForm ? (
        <section aria-labelledby="faculties">
          <h2 id="faculties">{t('institutions.staff.faculties.title')}</h2>
          {faculties.length === 0 ? (
            <p>{t('institutions.staff.faculties.none')}</p>
          ) : (
            <ul>
              {faculties.map((faculty) => (
                <li>
                  {faculty.name} (<code>{faculty.code}</code>)
                </li>
              ))}
            </ul>
          )}
          <h3>{t('institutions.staff.faculties.add')}</h3>
          <Form action={href(`/manage/institutions/${institution.id}/faculties`)}>
            <TextField form={facultyForm} name="faculty.name" label={t('institutions.staff.faculty.name')} />
            <TextField
              form={facultyForm}
              name="faculty.code"
              label={t('institutions.staff.faculty.code')}
              hint={t('institutions.staff.faculty.codeHint')}
              width="medium"
            />
            <SubmitButton variant="secondary">{t('institutions.staff.faculty.submit')}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </>
  );
}
