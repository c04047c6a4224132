import { CEFR_LEVELS, TERMS } from '../../common/domain.js';
import {
  Choices,
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextArea,
  TextField,
  type FormState,
  type Option,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { ProgrammeResponse } from '../dto/programme.response.js';
import { PROGRAMME_STATUSES } from '../programme.entity.js';

export interface ProgrammeFormOptions {
  hosts: Option[];
  agreements: Option[];
  faculties: Option[];
  years: string[];
  timeZone: string;
}

/** The create and edit form of a programme (edit when `programme` is given). */
export function ProgrammeFormPage({
  form,
  options,
  programme,
}: {
  form: FormState;
  options: ProgrammeFormOptions;
  programme?: ProgrammeResponse;
}) {
  const { t, href } = usePage();
  const f = (key: string) => t(`programmes.staff.field.${key}`);
  const years = [...new Set([...(programme ? [programme.academicYear] : []), ...options.years])].sort();
  return (
    <>
      <p>
        <a href={href('/manage/programmes')}>{t('programmes.staff.back')}</a>
        {programme?.status === 'published' ? (
          <>
            {' · '}
            <a href={href(`/programmes/${programme.id}`)}>{t('programmes.staff.public')}</a>
          </>
        ) : null}
      </p>
      <h1>{programme ? programme.title : t('programmes.staff.new.title')}</h1>
      <ErrorSummary form={form} />
      <Form action={href(programme ? `/manage/programmes/${programme.id}` : '/manage/programmes')}>
        <TextField form={form} name="title" label={f('title')} />
        <Select form={form} name="hostInstitutionId" label={f('host')} blank="" options={options.hosts} />
        <Select
          form={form}
          name="agreementId"
          label={f('agreement')}
          hint={f('agreementHint')}
          blank={f('noAgreement')}
          options={options.agreements}
        />
        <Select
          form={form}
          name="academicYear"
          label={f('academicYear')}
          blank=""
          options={years.map((year) => ({ value: year, label: year }))}
        />
        <Select
          form={form}
          name="term"
          label={f('term')}
          blank=""
          options={TERMS.map((term) => ({ value: term, label: t(`programmes.staff.term.${term}`) }))}
        />
        <TextField form={form} name="startDate" type="date" label={f('startDate')} width="medium" />
        <TextField form={form} name="endDate" type="date" label={f('endDate')} width="medium" />
        <TextField
          form={form}
          name="applicationOpensAt"
          type="date"
          label={f('opensAt')}
          hint={t('programmes.staff.field.opensAtHint', { zone: options.timeZone })}
          width="medium"
        />
        <TextField
          form={form}
          name="applicationClosesAt"
          type="date"
          label={f('closesAt')}
          hint={t('programmes.staff.field.closesAtHint', { zone: options.timeZone })}
          width="medium"
        />
        <TextField
          form={form}
          name="places"
          type="number"
          inputmode="numeric"
          label={f('places')}
          hint={f('placesHint')}
          width="short"
        />
        <Choices
          form={form}
          name="eligibleFacultyIds"
          label={f('faculties')}
          hint={f('facultiesHint')}
          options={options.faculties}
          multiple
        />
        <TextField
          form={form}
          name="languageOfInstruction"
          label={f('language')}
          hint={f('languageHint')}
          width="short"
        />
        <Select
          form={form}
          name="minLanguageLevel"
          label={f('level')}
          blank={f('noLevel')}
          options={CEFR_LEVELS.map((level) => ({ value: level, label: level }))}
        />
        <TextArea form={form} name="description" label={f('description')} rows={8} />
        <Select
          form={form}
          name="status"
          label={f('status')}
          options={PROGRAMME_STATUSES.map((status) => ({
            value: status,
            label: t(`programmes.staff.status.${status}`),
          }))}
        />
        <SubmitButton>{t(programme ? 'programmes.staff.save' : 'programmes.staff.create')}</SubmitButton>
      </Form>
    </>
  );
}
