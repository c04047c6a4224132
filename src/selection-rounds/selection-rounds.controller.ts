import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { PageOf } from '../common/pagination/page.response.js';
import { PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { AssessmentsService } from './assessments.service.js';
import { AssessmentDto } from './dto/assessment.dto.js';
import { CreateSelectionRoundDto } from './dto/create-selection-round.dto.js';
import {
  AssessmentResponse,
  RoundApplicationResponse,
  SelectionRoundResponse,
  SelectionRoundSummaryResponse,
} from './dto/selection-round.response.js';
import { SelectionRoundsService } from './selection-rounds.service.js';

/**
 * Selection rounds: advisors, coordinators and admins run previews and read them; advisors and
 * admins, who decide applications, commit them. Students see a committed round's outcome only on
 * their own application (GET /api/applications/:id, `selection`).
 */
@ApiTags('selection-rounds')
@Controller('selection-rounds')
export class SelectionRoundsController {
  constructor(private readonly rounds: SelectionRoundsService) {}

  /** Computes and stores the allocation of a year and term by score (the preview); changes nothing else. */
  @Post()
  @ApiCreatedResponse({ type: SelectionRoundResponse })
  @Roles('advisor', 'coordinator', 'admin')
  create(
    @CurrentUser() actor: AuthUser,
    @Body() dto: CreateSelectionRoundDto,
  ): Promise<SelectionRoundResponse> {
    return this.rounds.create(actor, dto);
  }

  /** Rounds, newest first. */
  @Get()
  @ApiOkResponse({ type: PageOf(SelectionRoundSummaryResponse) })
  @Roles('advisor', 'coordinator', 'admin')
  list(
    @CurrentUser() actor: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<SelectionRoundSummaryResponse>> {
    return this.rounds.list(actor, query);
  }

  /** A round: its weights, counts and seed; per programme places, capacity, places given and cut-off. */
  @Get(':id')
  @ApiOkResponse({ type: SelectionRoundResponse })
  @Roles('advisor', 'coordinator', 'admin')
  get(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SelectionRoundResponse> {
    return this.rounds.get(actor, id);
  }

  /** The round's applications in its order: score, rank, outcome, and why each better choice was not given. */
  @Get(':id/results')
  @ApiOkResponse({ type: PageOf(RoundApplicationResponse) })
  @Roles('advisor', 'coordinator', 'admin')
  results(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<RoundApplicationResponse>> {
    return this.rounds.results(actor, id, query);
  }

  /** Applies the preview in one transaction; 409 ROUND_STALE if an input changed, 409 once committed. */
  @Post(':id/commit')
  @HttpCode(200)
  @ApiOkResponse({ type: SelectionRoundResponse })
  @Roles('advisor', 'admin')
  commit(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SelectionRoundResponse> {
    return this.rounds.commit(actor, id);
  }
}

/** The motivation rating of an application (staff), the part of a round's score staff give. */
@ApiTags('applications')
@Controller('applications')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  /** Rates a submitted, waitlisted or approved application's motivation (0 to 5); on the timeline. */
  @Patch(':id/assessment')
  @ApiOkResponse({ type: AssessmentResponse })
  @Roles('advisor', 'coordinator', 'admin')
  assess(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.assessments.assess(actor, id, dto);
  }
}
