import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import type { Page } from '../common/pagination/pagination.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { ListAuditQuery } from './dto/list-audit.query.js';

@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, newest first: logins, role and activation changes, decisions, erasures. */
  @Get()
  list(@Query() query: ListAuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }
}
