import { Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/decorators/public.decorator.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { formState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages } from '../../web/web-pages.service.js';
import { ListProgrammesQuery } from '../dto/list-programmes.query.js';
import { ProgrammesService } from '../programmes.service.js';
import { ProgrammeSearchPage } from './programme-search.page.js';
import { ProgrammePage } from './programme.page.js';

/** Academic years a search offers: last year to three years ahead. */
export function academicYearsAround(now: Date): string[] {
  // An academic year starts in September.
  const first = now.getUTCMonth() >= 8 ? now.getUTCFullYear() - 1 : now.getUTCFullYear() - 2;
  return [0, 1, 2, 3, 4].map((offset) => `${first + offset}/${first + offset + 1}`);
}

@WebController('programmes')
export class ProgrammePagesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly institutions: InstitutionsService,
    private readonly web: WebPages,
  ) {}

  /** Published programmes by deadline, filtered by year, term, country, open now and words. */
  @Public()
  @Get()
  async search(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = {
      q: textOf(fields, 'q'),
      academicYear: textOf(fields, 'academicYear'),
      term: textOf(fields, 'term'),
      countryCode: textOf(fields, 'countryCode'),
      open: textOf(fields, 'open') === 'true' ? 'true' : undefined,
      cursor: textOf(fields, 'cursor'),
    };
    const validated = await validateForm(ListProgrammesQuery, values);
    const [results, countries] = await Promise.all([
      validated.ok ? this.programmes.list(validated.value, page.user) : undefined,
      this.institutions.partnerCountryCodes(),
    ]);
    const errors = validated.ok
      ? []
      : page.fieldErrors(validated.problems, {
          q: page.t('programmes.search.words'),
          academicYear: page.t('programmes.field.academicYear'),
          term: page.t('programmes.field.term'),
          countryCode: page.t('programmes.field.country'),
          cursor: page.t('web.pager.label'),
        });
    page.render(
      <ProgrammeSearchPage
        form={formState(values, errors)}
        results={results}
        years={academicYearsAround(new Date())}
        countries={countries}
      />,
      { title: page.t('programmes.search.title'), status: validated.ok ? 200 : 400 },
    );
  }

  /** One published programme (staff see every status), with its eligibility and the apply button. */
  @Public()
  @Get(':id')
  async show(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const programme = await this.programmes.get(id, page.user);
    const faculties = programme.eligibleFacultyIds.length > 0 ? await this.institutions.homeFaculties() : [];
    const facultyNames = faculties
      .filter((faculty) => programme.eligibleFacultyIds.includes(faculty.id))
      .map((faculty) => faculty.name);
    page.render(<ProgrammePage programme={programme} facultyNames={facultyNames} />, {
      title: programme.title,
    });
  }
}
