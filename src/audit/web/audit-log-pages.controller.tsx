import { Get, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { formState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages } from '../../web/web-pages.service.js';
import { AuditService } from '../audit.service.js';
import { ListAuditQuery } from '../dto/list-audit.query.js';
import { AuditLogPage } from './audit-log.page.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day of the form (YYYY-MM-DD) as the instant the API filters on: its start (UTC), or the start
 * of the next day for an inclusive "to". Anything else passes through for the DTO to refuse.
 */
export function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (day === undefined || !DAY.test(day)) return day;
  const start = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime())) return day;
  return new Date(start.getTime() + (end ? 86_400_000 : 0)).toISOString();
}

/** The twin of /api/audit for admins. */
@WebController('admin/audit')
export class AuditLogPagesController {
  constructor(
    private readonly audit: AuditService,
    private readonly web: WebPages,
  ) {}

  @Roles('admin')
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = {
      action: textOf(fields, 'action'),
      actorId: textOf(fields, 'actorId'),
      targetId: textOf(fields, 'targetId'),
      from: textOf(fields, 'from'),
      to: textOf(fields, 'to'),
      cursor: textOf(fields, 'cursor'),
    };
    const validated = await validateForm(ListAuditQuery, {
      action: values.action,
      actorId: values.actorId,
      targetId: values.targetId,
      since: dayBound(values.from, false),
      until: dayBound(values.to, true),
      cursor: values.cursor,
    });
    const list = validated.ok ? await this.audit.list(validated.value) : undefined;
    const errors = validated.ok
      ? []
      : page
          .fieldErrors(validated.problems, {
            action: page.t('auditLog.field.action'),
            actorId: page.t('auditLog.field.actorId'),
            targetId: page.t('auditLog.field.targetId'),
            since: page.t('auditLog.field.from'),
            until: page.t('auditLog.field.to'),
            cursor: page.t('web.pager.next'),
          })
          .map((error) => ({
            ...error,
            field: error.field === 'since' ? 'from' : error.field === 'until' ? 'to' : error.field,
          }));
    page.render(<AuditLogPage form={formState(values, errors)} list={list} />, {
      title: page.t('auditLog.title'),
      status: validated.ok ? 200 : 400,
    });
  }
}
