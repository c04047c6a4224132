import type { Page } from '../../common/pagination/pagination.js';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type { AuditEntryResponse } from '../dto/audit-entry.response.js';

/** The audit trail, newest first, filtered by action, actor, target and a range of days. */
export function AuditLogPage({ form, list }: { form: FormState; list?: Page<AuditEntryResponse> }) {
  const { t, href, formatDateTime } = usePage();
  const query = new URLSearchParams(
    Object.entries(form.values).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && entry[1] !== '' && entry[0] !== 'cursor',
    ),
  );
  return (
    <>
      <h1>{t('auditLog.title')}</h1>
      <ErrorSummary form={form} />
      <Form action={href('/admin/audit')} method="get" role="search" class="filters">
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
        <SubmitButton variant="secondary">{t('auditLog.filter')}</SubmitButton>
      </Form>
      {list ? (
        list.items.length === 0 ? (
          <p>{t('auditLog.none')}</p>
        ) : (
          <div class="table-wrap" tabindex={0}>
            <table>
              <caption class="visually-hidden">{t('auditLog.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('auditLog.field.at')}</th>
                  <th scope="col">{t('auditLog.field.action')}</th>
                  <th scope="col">{t('auditLog.field.actorId')}</th>
                  <th scope="col">{t('auditLog.field.targetId')}</th>
                  <th scope="col">{t('auditLog.field.details')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((entry) => (
                  <tr>
                    <td>{formatDateTime(entry.at)}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>
                      {entry.actorId ? (
                        <a href={href(`/admin/users/${entry.actorId}`)}>{entry.actorId}</a>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>
                      {entry.targetType ?? ''} {entry.targetId ?? ''}
                    </td>
                    <td>
                      <code>
                        {Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ''}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {list?.nextCursor ? (
        <p>
          <a
            href={href(
              `/admin/audit?${query.toString()}${query.size ? '&' : ''}cursor=${encodeURIComponent(list.nextCursor)}`,
            )}
          >
            {t('web.pager.next')}
          </a>
        </p>
      ) : null}
    </>
  );
}
