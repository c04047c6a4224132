import { Module } from '@nestjs/common';
import { WebRegistry } from '../../web/web.registry.js';
import { AuditModule } from '../audit.module.js';
import { AuditLogPagesController } from './audit-log-pages.controller.js';
import { auditLogMessages } from './audit-log.messages.js';

/** The audit log page for admins. */
@Module({ imports: [AuditModule], controllers: [AuditLogPagesController] })
export class AuditLogPagesModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(auditLogMessages);
    registry.addMenuEntry({
      labelKey: 'auditLog.menu',
      path: '/admin/audit',
      audience: ['admin'],
      order: 85,
    });
  }
}
