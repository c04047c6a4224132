import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import { PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { CreateFacultyDto } from './dto/create-faculty.dto.js';
import { CreateInstitutionDto } from './dto/create-institution.dto.js';
import { FacultyResponse } from './dto/faculty.response.js';
import { InstitutionResponse } from './dto/institution.response.js';
import { ListInstitutionsQuery } from './dto/list-institutions.query.js';
import { UpdateInstitutionDto } from './dto/update-institution.dto.js';
import { InstitutionsService } from './institutions.service.js';

@ApiTags('institutions')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  /** Institutions by name; search part of the name (ignoring case and accents) or filter by country. */
  @Public()
  @Get()
  @ApiOkResponse({ type: PageOf(InstitutionResponse) })
  list(@Query() query: ListInstitutionsQuery): Promise<Page<InstitutionResponse>> {
    return this.institutions.list(query);
  }

  /** Adds a partner institution (a duplicate schacCode is a 409). */
  @Roles('coordinator', 'admin')
  @Post()
  @ApiCreatedResponse({ type: InstitutionResponse })
  create(@Body() dto: CreateInstitutionDto): Promise<InstitutionResponse> {
    return this.institutions.create(dto);
  }

  /** One institution. */
  @Public()
  @Get(':id')
  @ApiOkResponse({ type: InstitutionResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<InstitutionResponse> {
    return this.institutions.get(id);
  }

  /** Changes some of the institution's fields. */
  @Roles('coordinator', 'admin')
  @Patch(':id')
  @ApiOkResponse({ type: InstitutionResponse })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateInstitutionDto,
  ): Promise<InstitutionResponse> {
    return this.institutions.update(id, dto);
  }

  /** The institution's faculties, by code. */
  @Public()
  @Get(':id/faculties')
  @ApiOkResponse({ type: PageOf(FacultyResponse) })
  listFaculties(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<FacultyResponse>> {
    return this.institutions.listFaculties(id, query);
  }

  /** Adds a faculty (its code is unique within the institution). */
  @Roles('coordinator', 'admin')
  @Post(':id/faculties')
  @ApiCreatedResponse({ type: FacultyResponse })
  createFaculty(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateFacultyDto,
  ): Promise<FacultyResponse> {
    return this.institutions.createFaculty(id, dto);
  }
}
