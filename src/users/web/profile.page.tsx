import { STUDY_LEVELS } from '../role.js';
import {
  ErrorSummary,
  Form,
  Select,
  SubmitButton,
  TextField,
  type FormState,
} from '../../web/components/forms.js';
import { LOCALE_NAMES, LOCALES } from '../../web/locales.js';
import { usePage } from '../../web/page-context.js';
import type { UserResponse } from '../dto/user.response.js';

export interface FacultyChoice {
  id: string;
  name: string;
}

export function ProfilePage({
  profile,
  form,
  faculties,
}: {
  profile: UserResponse;
  form: FormState;
  faculties: FacultyChoice[];
}) {
  const { t, href } = usePage();
  const isStudent = profile.role === 'student';
  const faculty = faculties.find((candidate) => candidate.id === profile.homeFacultyId);
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <ErrorSummary form={form} />
      <dl class="facts">
        <dt>{t('profile.email')}</dt>
        <dd>{profile.email}</dd>
        <dt>{t('profile.role')}</dt>
        <dd>{t(`profile.role.${profile.role}`)}</dd>
      </dl>
      <Form action={href('/profile')}>
        <TextField form={form} name="firstName" autocomplete="given-name" label={t('auth.field.firstName')} />
        <TextField form={form} name="lastName" autocomplete="family-name" label={t('auth.field.lastName')} />
        {isStudent ? (
          <>
            <TextField
              form={form}
              name="studentNumber"
              label={`${t('auth.field.studentNumber')} ${t('web.form.optional')}`}
              width="medium"
            />
            {profile.homeFacultyId ? (
              <p>
                <strong>{t('auth.field.homeFaculty')}:</strong> {faculty?.name ?? '–'}
                <br />
                <span class="hint">{t('profile.facultyLocked')}</span>
              </p>
            ) : (
              <Select
                form={form}
                name="homeFacultyId"
                label={`${t('auth.field.homeFaculty')} ${t('web.form.optional')}`}
                hint={t('profile.facultyHint')}
                blank={t('auth.field.homeFacultyNone')}
                options={faculties.map((choice) => ({ value: choice.id, label: choice.name }))}
              />
            )}
            <Select
              form={form}
              name="studyLevel"
              label={`${t('profile.studyLevel')} ${t('web.form.optional')}`}
              blank={t('profile.notSaid')}
              options={STUDY_LEVELS.map((level) => ({
                value: level,
                label: t(`profile.studyLevel.${level}`),
              }))}
            />
            <TextField
              form={form}
              name="studyYear"
              label={`${t('profile.studyYear')} ${t('web.form.optional')}`}
              inputmode="numeric"
              width="short"
            />
          </>
        ) : null}
        <Select
          form={form}
          name="preferredLocale"
          label={t('profile.preferredLocale')}
          hint={t('profile.preferredLocaleHint')}
          options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
        />
        <SubmitButton>{t('profile.save')}</SubmitButton>
      </Form>
      <h2>{t('profile.data.title')}</h2>
      <p>{t('profile.data.text')}</p>
      <p>
        <a href={href('/profile/data.json')} download="my-data.json">
          {t('profile.data.download')}
        </a>
      </p>
    </>
  );
}
