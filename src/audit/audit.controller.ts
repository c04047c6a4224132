import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import type { Page } from '../common/pagination/pagination.js';
import { AuditService } from './audit.service.js';
import { AuditEntryResponse } from './dto/audit-entry.response.js';
import { ListAuditQuery } from './dto/list-audit.query.js';

@ApiTags('audit')
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, newest first: logins, role and activation changes, decisions, erasures. */
  @Get()
  @ApiOkResponse({ type: PageOf(AuditEntryResponse) })
  list(@Query() query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    return this.audit.list(query);
  }
}
