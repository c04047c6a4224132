import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import type { Page } from '../common/pagination/pagination.js';
import { AgreementsService } from './agreements.service.js';
import { AgreementResponse } from './dto/agreement.response.js';
import { CreateAgreementDto } from './dto/create-agreement.dto.js';
import { ListAgreementsQuery } from './dto/list-agreements.query.js';
import { UpdateAgreementDto } from './dto/update-agreement.dto.js';

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  /** Inter-institutional agreements, newest first; filter by partner, status or academic year covered. */
  @Roles('advisor', 'coordinator', 'admin')
  @Get()
  @ApiOkResponse({ type: PageOf(AgreementResponse) })
  list(@Query() query: ListAgreementsQuery): Promise<Page<AgreementResponse>> {
    return this.agreements.list(query);
  }

  /** Records an agreement with a partner institution. */
  @Roles('coordinator', 'admin')
  @Post()
  @ApiCreatedResponse({ type: AgreementResponse })
  create(@Body() dto: CreateAgreementDto): Promise<AgreementResponse> {
    return this.agreements.create(dto);
  }

  /** One agreement. */
  @Roles('advisor', 'coordinator', 'admin')
  @Get(':id')
  @ApiOkResponse({ type: AgreementResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AgreementResponse> {
    return this.agreements.get(id);
  }

  /** Changes some of the agreement's fields (the result is validated as a whole). */
  @Roles('coordinator', 'admin')
  @Patch(':id')
  @ApiOkResponse({ type: AgreementResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAgreementDto,
  ): Promise<AgreementResponse> {
    return this.agreements.update(id, dto);
  }
}
