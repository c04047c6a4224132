import type { Page } from '../../common/pagination/pagination.js';
import { ErrorSummary, TextField, type FormState } from '../../web/components/forms.js';
import { FilterForm, ResultsTable } from '../../web/components/lists.js';
import { usePage } from '../../web/page-context.js';
import type { AuditEntryResponse } from '../dto/audit-entry.response.js';

/** The audit trail, newest first, filtered by action, actor, target and a range of days. */
export function AuditLogPage({ form, list }: { form: FormState; list?: Page<AuditEntryResponse> }) {
  const { t, href, formatDateTime } = usePage();
  return (
    <>
      <h1>{t('auditLog.title')}</h1>
      <ErrorSummary form={form} />
      <FilterForm path="/admin/audit" submitLabel={t('auditLog.filter')}>
        <TextField
          form={form}
          name="action"
          label={t('auditLog.field.action')}
          hint={t('auditLog.hint.action')}
        />
        <TextField form={form} name="actorId" label={t('auditLog.field.actorId')} />
        <TextField form={form} name="targetId" label={t('auditLog.field.targetId')} />
        <TextField form={form} name="from" type="date" label={t('auditLog.field.from')} />
        <TextField form={form} name="to" type="date" label={t('auditLog.field.to')} />
      </FilterForm>
      <ResultsTable
        title={t('auditLog.results')}
        empty={t('auditLog.none')}
        headings={[
          t('auditLog.field.at'),
          t('auditLog.field.action'),
          t('auditLog.field.actorId'),
          t('auditLog.field.targetId'),
          t('auditLog.field.details'),
        ]}
        results={list}
        path="/admin/audit"
        form={form}
        row={(entry) => (
          <tr>
            <td>{formatDateTime(entry.at)}</td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>
              {entry.actorId ? <a href={href(`/admin/users/${entry.actorId}`)}>{entry.actorId}</a> : '–'}
            </td>
            <td>
              {entry.targetType ?? ''} {entry.targetId ?? ''}
            </td>
            <td>
              <code>{Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ''}</code>
            </td>
          </tr>
        )}
      />
    </>
  );
}
