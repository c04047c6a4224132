import type { Page } from '../../common/pagination/pagination.js';
import {
  ErrorSummary,
  Form,
  SubmitButton,
  Select,
  TextField,
  formState,
  type FormState,
  type Option,
} from '../../web/components/forms.js';
import { FilterForm, ResultsTable } from '../../web/components/lists.js';
import { usePage } from '../../web/page-context.js';
import { LOCALE_NAMES, LOCALES } from '../../web/locales.js';
import type { UserResponse } from '../dto/user.response.js';
import { ROLES } from '../role.js';

/**
 * Roles an admin creates here: every account but a student's (students register themselves); a
 * partner's names its institution (`POST /api/users` with `institutionId`).
 */
export const STAFF_ROLES = ROLES.filter((role) => role !== 'student');

/** A partner institution as a select offers it. */
export interface InstitutionChoice {
  id: string;
  name: string;
}

/** Which partner institution a partner coordinator works for (ignored for any other role). */
function InstitutionSelect({ form, institutions }: { form: FormState; institutions: InstitutionChoice[] }) {
  const { t } = usePage();
  return (
    <Select
      form={form}
      name="institutionId"
      label={t('usersAdmin.field.institution')}
      hint={t('usersAdmin.hint.institution')}
      blank={t('usersAdmin.noInstitution')}
      options={institutions.map((institution) => ({ value: institution.id, label: institution.name }))}
    />
  );
}

function roleOptions(t: (key: string) => string, roles: readonly string[] = ROLES): Option[] {
  return roles.map((role) => ({ value: role, label: t(`usersAdmin.role.${role}`) }));
}

function StatusTag({ user }: { user: UserResponse }) {
  const { t } = usePage();
  const state = user.erasedAt ? 'erased' : user.active ? 'active' : 'inactive';
  return <span class="tag">{t(`usersAdmin.state.${state}`)}</span>;
}

/** Accounts, newest first, found by part of a name or email, role and activation. */
export function UsersPage({ form, list }: { form: FormState; list?: Page<UserResponse> }) {
  const { t, href, formatDate } = usePage();
  return (
    <>
      <h1>{t('usersAdmin.title')}</h1>
      <p>
        <a class="button button-primary" href={href('/admin/users/new')}>
          {t('usersAdmin.create')}
        </a>
      </p>
      <ErrorSummary form={form} />
      <FilterForm path="/admin/users" submitLabel={t('usersAdmin.find')}>
        <TextField form={form} name="q" type="search" label={t('usersAdmin.search')} />
        <Select
          form={form}
          name="role"
          label={t('usersAdmin.field.role')}
          options={roleOptions(t)}
          blank={t('usersAdmin.any')}
        />
        <Select
          form={form}
          name="active"
          label={t('usersAdmin.field.state')}
          blank={t('usersAdmin.any')}
          options={[
            { value: 'true', label: t('usersAdmin.state.active') },
            { value: 'false', label: t('usersAdmin.state.inactive') },
          ]}
        />
      </FilterForm>
      <ResultsTable
        title={t('usersAdmin.results')}
        empty={t('usersAdmin.none')}
        headings={[
          t('usersAdmin.field.name'),
          t('usersAdmin.field.email'),
          t('usersAdmin.field.role'),
          t('usersAdmin.field.state'),
          t('usersAdmin.field.created'),
        ]}
        results={list}
        path="/admin/users"
        form={form}
        row={(user) => (
          <tr>
            <td>
              <a href={href(`/admin/users/${user.id}`)}>
                {user.firstName} {user.lastName}
              </a>
            </td>
            <td>{user.email}</td>
            <td>{t(`usersAdmin.role.${user.role}`)}</td>
            <td>
              <StatusTag user={user} />
            </td>
            <td>{formatDate(user.createdAt)}</td>
          </tr>
        )}
      />
    </>
  );
}

/** A staff account made by an admin, with a first password the person changes later. */
export function NewUserPage({ form, institutions }: { form: FormState; institutions: InstitutionChoice[] }) {
  const { t, href } = usePage();
  return (
    <>
      <p>
        <a href={href('/admin/users')}>{t('usersAdmin.back')}</a>
      </p>
      <h1>{t('usersAdmin.create')}</h1>
      <ErrorSummary form={form} />
      <Form action={href('/admin/users/new')}>
        <TextField
          form={form}
          name="email"
          type="email"
          autocomplete="off"
          label={t('usersAdmin.field.email')}
        />
        <TextField form={form} name="firstName" label={t('usersAdmin.field.firstName')} />
        <TextField form={form} name="lastName" label={t('usersAdmin.field.lastName')} />
        <Select
          form={form}
          name="role"
          label={t('usersAdmin.field.role')}
          options={roleOptions(t, STAFF_ROLES)}
        />
        <InstitutionSelect form={form} institutions={institutions} />
        <Select
          form={form}
          name="preferredLocale"
          label={t('usersAdmin.field.language')}
          options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
        />
        <TextField
          form={form}
          name="password"
          type="password"
          autocomplete="new-password"
          label={t('usersAdmin.field.password')}
          hint={t('usersAdmin.hint.password')}
        />
        <SubmitButton>{t('usersAdmin.create')}</SubmitButton>
      </Form>
    </>
  );
}

/** One account: its facts, its role, (de)activation and the way to erasure. */
export function UserPage({
  user,
  form,
  institutions,
}: {
  user: UserResponse;
  form?: FormState;
  institutions: InstitutionChoice[];
}) {
  const { t, href, formatDateTime } = usePage();
  const roleForm = form ?? formState({ role: user.role, institutionId: user.institutionId ?? undefined });
  const institution = institutions.find((choice) => choice.id === user.institutionId);
  return (
    <>
      <p>
        <a href={href('/admin/users')}>{t('usersAdmin.back')}</a>
      </p>
      <h1>
        {user.firstName} {user.lastName}
      </h1>
      <dl class="facts">
        <dt>{t('usersAdmin.field.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('usersAdmin.field.role')}</dt>
        <dd>{t(`usersAdmin.role.${user.role}`)}</dd>
        {institution ? (
          <>
            <dt>{t('usersAdmin.field.institution')}</dt>
            <dd>{institution.name}</dd>
          </>
        ) : null}
        <dt>{t('usersAdmin.field.state')}</dt>
        <dd>
          <StatusTag user={user} />
        </dd>
        <dt>{t('usersAdmin.field.language')}</dt>
        <dd>{LOCALE_NAMES[user.preferredLocale]}</dd>
        <dt>{t('usersAdmin.field.created')}</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>
      {user.erasedAt ? null : (
        <>
          <h2>{t('usersAdmin.changeRole')}</h2>
          <ErrorSummary form={roleForm} />
          <Form action={href(`/admin/users/${user.id}/role`)}>
            <Select form={roleForm} name="role" label={t('usersAdmin.field.role')} options={roleOptions(t)} />
            <InstitutionSelect form={roleForm} institutions={institutions} />
            <SubmitButton variant="secondary">{t('usersAdmin.saveRole')}</SubmitButton>
          </Form>
          <h2>{t('usersAdmin.access')}</h2>
          <div class="button-row">
            {user.active ? (
              <Form action={href(`/admin/users/${user.id}/deactivate`)} class="inline-form">
                <SubmitButton variant="warning">{t('usersAdmin.deactivate')}</SubmitButton>
              </Form>
            ) : (
              <Form action={href(`/admin/users/${user.id}/activate`)} class="inline-form">
                <SubmitButton variant="secondary">{t('usersAdmin.activate')}</SubmitButton>
              </Form>
            )}
            <a href={href(`/admin/users/${user.id}/erase`)}>{t('usersAdmin.erase')}</a>
          </div>
        </>
      )}
      <p>
        <a href={href(`/admin/audit?targetId=${user.id}`)}>{t('usersAdmin.auditLink')}</a>
      </p>
    </>
  );
}

/** Erasure asks once more: it cannot be undone. */
export function EraseUserPage({ user }: { user: UserResponse }) {
  const { t, href } = usePage();
  const name = `${user.firstName} ${user.lastName}`;
  return (
    <>
      <h1>{t('usersAdmin.eraseConfirm.title', { name })}</h1>
      <p>{t('usersAdmin.eraseConfirm.text')}</p>
      <div class="button-row">
        <Form action={href(`/admin/users/${user.id}/erase`)} class="inline-form">
          <SubmitButton variant="warning">{t('usersAdmin.eraseConfirm.yes')}</SubmitButton>
        </Form>
        <a href={href(`/admin/users/${user.id}`)}>{t('usersAdmin.eraseConfirm.no')}</a>
      </div>
    </>
  );
}
