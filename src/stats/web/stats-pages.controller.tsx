import { Get, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { academicYearOf, academicYearsAround } from '../../common/academic-years.js';
import { ListProgrammesQuery } from '../../programmes/dto/list-programmes.query.js';
import { ProgrammesService } from '../../programmes/programmes.service.js';
import { formState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { missingFirst } from '../../web/input-errors.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages } from '../../web/web-pages.service.js';
import { StatsOverviewQuery } from '../dto/stats-overview.query.js';
import { StatsService } from '../stats.service.js';
import { StatsPage } from './stats.page.js';

/** Programmes drawn in the places chart (the year's, by deadline). */
const PROGRAMMES_SHOWN = 100;

/** The coordinator's statistics: an academic year's numbers with charts drawn on the server. */
@WebController('stats')
export class StatsPagesController {
  constructor(
    private readonly stats: StatsService,
    private readonly programmes: ProgrammesService,
    private readonly web: WebPages,
  ) {}

  @Roles('coordinator', 'admin')
  @Get()
  async overview(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const academicYear = textOf(formFields(raw), 'academicYear') ?? academicYearOf(new Date());
    const validated = await validateForm(StatsOverviewQuery, { academicYear });
    const years = academicYearsAround(new Date());
    if (!validated.ok) {
      const errors = page.fieldErrors(missingFirst(validated.problems), {
        academicYear: page.t('stats.year'),
      });
      return page.render(<StatsPage form={formState({ academicYear }, errors)} years={years} />, {
        title: page.t('stats.menu'),
        status: 400,
      });
    }
    const [overview, programmes] = await Promise.all([
      this.stats.overview(validated.value.academicYear),
      this.programmes.list(
        Object.assign(new ListProgrammesQuery(), {
          academicYear: validated.value.academicYear,
          limit: PROGRAMMES_SHOWN,
        }),
        page.user,
      ),
    ]);
    page.render(
      <StatsPage
        form={formState({ academicYear })}
        years={years}
        overview={overview}
        programmes={programmes.items.filter((programme) => programme.status !== 'draft')}
      />,
      { title: page.t('stats.title', { year: academicYear }) },
    );
  }
}
