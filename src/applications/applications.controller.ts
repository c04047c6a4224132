import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import { PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationEventResponse, ApplicationResponse } from './dto/application.response.js';
import { ConfirmPlaceDto, DeclinePlaceDto } from './dto/answer-place.dto.js';
import { CreateApplicationDto } from './dto/create-application.dto.js';
import { DecisionDto } from './dto/decision.dto.js';
import { ListApplicationsQuery } from './dto/list-applications.query.js';
import { UpdateApplicationDto } from './dto/update-application.dto.js';
import { VerifyLanguageSkillDto } from './dto/verify-language-skill.dto.js';
import { WithdrawDto } from './dto/withdraw.dto.js';

/**
 * Students keep their own applications; advisors and admins decide; coordinators read
 * everything advisors can but do not decide. Editors have no business here.
 */
@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** A student's own applications, or for staff the review queue (oldest submission first, no drafts). */
  @Get()
  @ApiOkResponse({ type: PageOf(ApplicationResponse) })
  @Roles('student', 'advisor', 'coordinator', 'admin')
  list(
    @CurrentUser() caller: AuthUser,
    @Query() query: ListApplicationsQuery,
  ): Promise<Page<ApplicationResponse>> {
    return this.applications.list(caller, query);
  }

  /** Starts a draft with 1 to 3 ranked choices (students only). */
  @Post()
  @ApiCreatedResponse({ type: ApplicationResponse })
  @Roles('student')
  create(@CurrentUser() student: AuthUser, @Body() dto: CreateApplicationDto): Promise<ApplicationResponse> {
    return this.applications.create(student, dto);
  }

  /** One application: a student's own, or for staff any that was submitted (a draft is 404). */
  @Get(':id')
  @ApiOkResponse({ type: ApplicationResponse })
  @Roles('student', 'advisor', 'coordinator', 'admin')
  get(@CurrentUser() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationResponse> {
    return this.applications.get(caller, id);
  }

  /** Edits a draft; send the version you read (a stale one is a 409). */
  @Patch(':id')
  @ApiOkResponse({ type: ApplicationResponse })
  @Roles('student')
  update(
    @CurrentUser() student: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateApplicationDto,
  ): Promise<ApplicationResponse> {
    return this.applications.update(student, id, dto);
  }

  /** Submits a draft while every choice's application window is open. */
  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponse })
  @Roles('student')
  submit(
    @CurrentUser() student: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ApplicationResponse> {
    return this.applications.submit(student, id);
  }

  /** Withdraws the student's application; an approved one gives its place back. */
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiBody({ type: WithdrawDto, required: false })
  @Roles('student')
  withdraw(
    @CurrentUser() student: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
  ): Promise<ApplicationResponse> {
    return this.applications.withdraw(student, id, dto);
  }

  /**
   * The student confirms the approved place before its deadline; the outgoing mobility is created
   * as a nomination to the host.
   */
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiBody({ type: ConfirmPlaceDto, required: false })
  @Roles('student')
  confirm(
    @CurrentUser() student: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConfirmPlaceDto,
  ): Promise<ApplicationResponse> {
    return this.applications.confirm(student, id, dto);
  }

  /** The student declines the approved place before its deadline; the place goes back to the programme. */
  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiBody({ type: DeclinePlaceDto, required: false })
  @Roles('student')
  decline(
    @CurrentUser() student: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclinePlaceDto,
  ): Promise<ApplicationResponse> {
    return this.applications.decline(student, id, dto);
  }

  /** Approves (taking a place), waitlists or rejects (with a comment) a submitted or waitlisted application. */
  @Post(':id/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationResponse })
  @Roles('advisor', 'admin')
  decide(
    @CurrentUser() advisor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecisionDto,
  ): Promise<ApplicationResponse> {
    return this.applications.decide(advisor, id, dto);
  }

  /**
   * Verifies the declared language skill at `index` (from 0) at the level the advisor confirmed,
   * while the application awaits a decision. Decisions check eligibility against that level.
   */
  @Patch(':id/language-skills/:index')
  @ApiOkResponse({ type: ApplicationResponse })
  @Roles('advisor', 'admin')
  verifyLanguageSkill(
    @CurrentUser() advisor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('index', ParseIntPipe) index: number,
    @Body() dto: VerifyLanguageSkillDto,
  ): Promise<ApplicationResponse> {
    return this.applications.verifyLanguageSkill(advisor, id, index, dto);
  }

  /** The application's history: each step with who, when, from, to and comment. */
  @Get(':id/events')
  @ApiOkResponse({ type: PageOf(ApplicationEventResponse) })
  @Roles('student', 'advisor', 'coordinator', 'admin')
  events(
    @CurrentUser() caller: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ApplicationEventResponse>> {
    return this.applications.listEvents(caller, id, query);
  }
}
