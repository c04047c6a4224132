import {
  ErrorSummary,
  Form,
  SubmitButton,
  TextField,
  Select,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';

export function SignInPage({ form, next }: { form: FormState; next: string | undefined }) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('auth.signIn.title')}</h1>
      <ErrorSummary form={form} />
      <Form action={href('/sign-in')}>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextField form={form} name="email" type="email" autocomplete="email" label={t('auth.field.email')} />
        <TextField
          form={form}
          name="password"
          type="password"
          autocomplete="current-password"
          label={t('auth.field.password')}
        />
        <SubmitButton>{t('auth.signIn.submit')}</SubmitButton>
      </Form>
      <p>
        {t('auth.signIn.noAccount')} <a href={href('/register')}>{t('auth.signIn.register')}</a>
      </p>
    </>
  );
}

export interface FacultyOption {
  id: string;
  name: string;
}

export function RegisterPage({ form, faculties }: { form: FormState; faculties: FacultyOption[] }) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('auth.register.title')}</h1>
      <p class="lead">{t('auth.register.lead')}</p>
      <ErrorSummary form={form} />
      <Form action={href('/register')}>
        <TextField form={form} name="firstName" autocomplete="given-name" label={t('auth.field.firstName')} />
        <TextField form={form} name="lastName" autocomplete="family-name" label={t('auth.field.lastName')} />
        <TextField
          form={form}
          name="email"
          type="email"
          autocomplete="email"
          label={t('auth.field.email')}
          hint={t('auth.field.emailHint')}
        />
        <TextField
          form={form}
          name="password"
          type="password"
          autocomplete="new-password"
          label={t('auth.field.newPassword')}
          hint={t('auth.field.newPasswordHint')}
        />
        <Select
          form={form}
          name="homeFacultyId"
          label={`${t('auth.field.homeFaculty')} ${t('web.form.optional')}`}
          hint={t('auth.field.homeFacultyHint')}
          blank={t('auth.field.homeFacultyNone')}
          options={faculties.map((faculty) => ({ value: faculty.id, label: faculty.name }))}
        />
        <TextField
          form={form}
          name="studentNumber"
          label={`${t('auth.field.studentNumber')} ${t('web.form.optional')}`}
          width="medium"
        />
        <SubmitButton>{t('auth.register.submit')}</SubmitButton>
      </Form>
      <p>
        {t('auth.register.haveAccount')} <a href={href('/sign-in')}>{t('web.signIn')}</a>
      </p>
    </>
  );
}
