import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { StatsOverviewQuery } from './dto/stats-overview.query.js';
import { StatsOverviewResponse } from './dto/stats-overview.response.js';
import { StatsService } from './stats.service.js';

@ApiTags('stats')
@Roles('coordinator', 'admin')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /** An academic year at a glance: outgoing applications and places, incoming students, who is on campus today. */
  @Get('overview')
  @ApiOkResponse({ type: StatsOverviewResponse })
  overview(@Query() query: StatsOverviewQuery): Promise<StatsOverviewResponse> {
    return this.stats.overview(query.academicYear);
  }
}
