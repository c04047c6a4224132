import { CEFR_LEVELS } from '../../common/domain.js';
import {
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextField,
  type FormState,
  type Option,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '../agreement.entity.js';
import type { AgreementResponse } from '../dto/agreement.response.js';

/** The create and edit form of an agreement (edit when `agreement` is given). */
export function AgreementFormPage({
  form,
  title,
  agreement,
  partners,
  faculties,
  years,
}: {
  form: FormState;
  title: string;
  agreement?: AgreementResponse;
  partners: Option[];
  faculties: Option[];
  years: string[];
}) {
  const { t, href } = usePage();
  const f = (key: string) => t(`agreements.field.${key}`);
  const known = agreement ? [agreement.firstAcademicYear, agreement.lastAcademicYear] : [];
  const yearOptions = [...new Set([...known, ...years])].sort().map((year) => ({ value: year, label: year }));
  return (
    <>
      <p>
        <a href={href('/agreements')}>{t('agreements.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary form={form} />
      <Form action={href(agreement ? `/agreements/${agreement.id}` : '/agreements')}>
        <Select form={form} name="partnerInstitutionId" label={f('partner')} blank="" options={partners} />
        <Select
          form={form}
          name="facultyId"
          label={f('faculty')}
          hint={f('facultyHint')}
          blank={f('wholeUniversity')}
          options={faculties}
        />
        <Select
          form={form}
          name="kind"
          label={f('kind')}
          blank=""
          options={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreements.kind.${kind}`) }))}
        />
        <TextField form={form} name="subjectAreas" label={f('subjectAreas')} hint={f('subjectAreasHint')} />
        <TextField form={form} name="language" label={f('language')} hint={f('languageHint')} width="short" />
        <Select
          form={form}
          name="cefrLevel"
          label={f('cefrLevel')}
          blank={f('noLevel')}
          options={CEFR_LEVELS.map((level) => ({ value: level, label: level }))}
        />
        <TextField
          form={form}
          name="outgoingPlacesPerYear"
          type="number"
          inputmode="numeric"
          label={f('outgoing')}
          width="short"
        />
        <TextField
          form={form}
          name="incomingPlacesPerYear"
          type="number"
          inputmode="numeric"
          label={f('incoming')}
          width="short"
        />
        <TextField
          form={form}
          name="monthsPerMobility"
          type="number"
          inputmode="numeric"
          label={f('months')}
          width="short"
        />
        <Select form={form} name="firstAcademicYear" label={f('firstYear')} blank="" options={yearOptions} />
        <Select form={form} name="lastAcademicYear" label={f('lastYear')} blank="" options={yearOptions} />
        <Select
          form={form}
          name="status"
          label={f('status')}
          options={AGREEMENT_STATUSES.map((status) => ({
            value: status,
            label: t(`agreements.status.${status}`),
          }))}
        />
        <SubmitButton>{t(agreement ? 'agreements.save' : 'agreements.create')}</SubmitButton>
      </Form>
    </>
  );
}
