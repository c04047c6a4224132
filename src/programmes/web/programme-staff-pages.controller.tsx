import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply } from 'fastify';
import { AgreementsService } from '../../agreements/agreements.service.js';
import { ListAgreementsQuery } from '../../agreements/dto/list-agreements.query.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { academicYearsAround } from '../../common/academic-years.js';
import type { Environment } from '../../config/environment.js';
import { ListInstitutionsQuery } from '../../institutions/dto/list-institutions.query.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { formState, type FormState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { missingFirst, refusalErrors } from '../../web/input-errors.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { CreateProgrammeDto } from '../dto/create-programme.dto.js';
import { ListProgrammesQuery } from '../dto/list-programmes.query.js';
import type { ProgrammeResponse } from '../dto/programme.response.js';
import { ProgrammesService } from '../programmes.service.js';
import { programmeFormValues, programmeInput } from './programme-form.js';
import { ProgrammeFormPage, type ProgrammeFormOptions } from './programme-form.page.js';
import { ProgrammeStaffListPage } from './programme-staff-list.page.js';

const OPTIONS_LIMIT = 100;

/** Staff pages of the programmes: every status, with places and windows; create and edit forms. */
@WebController('manage/programmes')
export class ProgrammeStaffPagesController {
  private readonly timeZone: string;

  constructor(
    private readonly programmes: ProgrammesService,
    private readonly institutions: InstitutionsService,
    private readonly agreements: AgreementsService,
    private readonly web: WebPages,
    config: ConfigService<Environment, true>,
  ) {
    this.timeZone = config.get('TIME_ZONE', { infer: true });
  }

  /** Programmes of every status by deadline, filtered by year, term, status and words. */
  @Roles('coordinator', 'admin')
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = {
      academicYear: textOf(fields, 'academicYear'),
      term: textOf(fields, 'term'),
      status: textOf(fields, 'status'),
      q: textOf(fields, 'q'),
      cursor: textOf(fields, 'cursor'),
    };
    const validated = await validateForm(ListProgrammesQuery, values);
    const results = validated.ok ? await this.programmes.list(validated.value, page.user) : undefined;
    const errors = validated.ok ? [] : page.fieldErrors(missingFirst(validated.problems), this.labels(page));
    page.render(
      <ProgrammeStaffListPage
        form={formState(values, errors)}
        results={results}
        years={academicYearsAround(new Date())}
      />,
      { title: page.t('programmes.staff.list.title'), status: validated.ok ? 200 : 400 },
    );
  }

  @Roles('coordinator', 'admin')
  @Get('new')
  async newForm(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    await this.showForm(page, formState({ status: 'draft', description: '' }));
  }

  @Roles('coordinator', 'admin')
  @Post()
  async create(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const validated = await validateForm(CreateProgrammeDto, programmeInput(fields, this.timeZone));
    if (!validated.ok) {
      return this.showForm(
        page,
        formState(fields, page.fieldErrors(missingFirst(validated.problems), this.labels(page))),
        undefined,
        400,
      );
    }
    let created: ProgrammeResponse;
    try {
      created = await this.programmes.create(validated.value);
    } catch (error) {
      const refused = refusalErrors(page, error, this.labels(page));
      if (!refused) throw error;
      return this.showForm(page, formState(fields, refused.errors), undefined, refused.status);
    }
    page.redirect(`/manage/programmes/${created.id}`, 'programmes.staff.notice.created');
  }

  @Roles('coordinator', 'admin')
  @Get(':id')
  async editForm(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const programme = await this.programmes.get(id, page.user);
    await this.showForm(page, formState(programmeFormValues(programme, this.timeZone)), programme);
  }

  /** Saves the whole form: the programme as it would be after the change is validated by the service. */
  @Roles('coordinator', 'admin')
  @Post(':id')
  async update(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const current = await this.programmes.get(id, page.user);
    const fields = formFields(body);
    const validated = await validateForm(CreateProgrammeDto, programmeInput(fields, this.timeZone, current));
    if (!validated.ok) {
      return this.showForm(
        page,
        formState(fields, page.fieldErrors(missingFirst(validated.problems), this.labels(page))),
        current,
        400,
      );
    }
    try {
      await this.programmes.update(id, validated.value);
    } catch (error) {
      const refused = refusalErrors(page, error, this.labels(page));
      if (!refused) throw error;
      return this.showForm(page, formState(fields, refused.errors), current, refused.status);
    }
    page.redirect(`/manage/programmes/${id}`, 'programmes.staff.notice.saved');
  }

  private async showForm(
    page: Page,
    form: FormState,
    programme?: ProgrammeResponse,
    status = 200,
  ): Promise<void> {
    const [institutions, agreements, faculties] = await Promise.all([
      this.institutions.list(Object.assign(new ListInstitutionsQuery(), { limit: OPTIONS_LIMIT })),
      this.agreements.list(Object.assign(new ListAgreementsQuery(), { limit: OPTIONS_LIMIT })),
      this.institutions.homeFaculties(),
    ]);
    const options: ProgrammeFormOptions = {
      hosts: institutions.items
        .filter((institution) => !institution.isHome)
        .map((institution) => ({ value: institution.id, label: institution.name })),
      agreements: agreements.items.map((agreement) => ({
        value: agreement.id,
        label: `${agreement.partnerInstitution?.name ?? ''} · ${agreement.kind} · ${agreement.firstAcademicYear}–${agreement.lastAcademicYear}`,
      })),
      faculties: faculties.map((faculty) => ({ value: faculty.id, label: faculty.name })),
      years: academicYearsAround(new Date()),
      timeZone: this.timeZone,
    };
    const title = page.t(programme ? 'programmes.staff.edit.title' : 'programmes.staff.new.title');
    page.render(<ProgrammeFormPage form={form} options={options} programme={programme} />, { title, status });
  }

  private labels(page: Page): Record<string, string> {
    const t = (key: string) => page.t(`programmes.staff.field.${key}`);
    return {
      title: t('title'),
      hostInstitutionId: t('host'),
      agreementId: t('agreement'),
      academicYear: t('academicYear'),
      term: t('term'),
      startDate: t('startDate'),
      endDate: t('endDate'),
      applicationOpensAt: t('opensAt'),
      applicationClosesAt: t('closesAt'),
      places: t('places'),
      eligibleFacultyIds: t('faculties'),
      languageOfInstruction: t('language'),
      minLanguageLevel: t('level'),
      description: t('description'),
      status: t('status'),
      q: page.t('programmes.staff.list.results'),
      cursor: page.t('web.pager.next'),
    };
  }
}
