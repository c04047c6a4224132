import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { academicYearsAround } from '../../common/academic-years.js';
import { ListInstitutionsQuery } from '../../institutions/dto/list-institutions.query.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { formState, type FormState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { missingFirst, refusalErrors } from '../../web/input-errors.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { AgreementsService } from '../agreements.service.js';
import type { AgreementResponse } from '../dto/agreement.response.js';
import { CreateAgreementDto } from '../dto/create-agreement.dto.js';
import { ListAgreementsQuery } from '../dto/list-agreements.query.js';
import { agreementFormValues, agreementInput, agreementProblems } from './agreement-form.js';
import { AgreementFormPage } from './agreement-form.page.js';
import { AgreementListPage } from './agreement-list.page.js';

const OPTIONS_LIMIT = 100;

/** The coordinator's agreement pages: the list by status, sorted by last academic year; create and edit. */
@WebController('agreements')
export class AgreementPagesController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly institutions: InstitutionsService,
    private readonly web: WebPages,
  ) {}

  @Roles('coordinator', 'admin')
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = {
      status: textOf(fields, 'status'),
      academicYear: textOf(fields, 'academicYear'),
      cursor: textOf(fields, 'cursor'),
    };
    const validated = await validateForm(ListAgreementsQuery, { ...values, order: 'lastAcademicYear' });
    const results = validated.ok ? await this.agreements.list(validated.value) : undefined;
    const errors = validated.ok ? [] : page.fieldErrors(missingFirst(validated.problems), this.labels(page));
    page.render(
      <AgreementListPage
        form={formState(values, errors)}
        results={results}
        years={academicYearsAround(new Date(), 5, 5)}
      />,
      { title: page.t('agreements.list.title'), status: validated.ok ? 200 : 400 },
    );
  }

  @Roles('coordinator', 'admin')
  @Get('new')
  async newForm(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    await this.showForm(page, formState({ status: 'draft', monthsPerMobility: '5' }));
  }

  @Roles('coordinator', 'admin')
  @Post()
  async create(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const validated = await validateForm(CreateAgreementDto, agreementInput(fields));
    if (!validated.ok) {
      const errors = page.fieldErrors(missingFirst(agreementProblems(validated.problems)), this.labels(page));
      return this.showForm(page, formState(fields, errors), undefined, 400);
    }
    let created: AgreementResponse;
    try {
      created = await this.agreements.create(validated.value);
    } catch (error) {
      const refused = refusalErrors(page, error, this.labels(page));
      if (!refused) throw error;
      return this.showForm(page, formState(fields, refused.errors), undefined, refused.status);
    }
    page.redirect(`/agreements/${created.id}`, 'agreements.notice.created');
  }

  @Roles('coordinator', 'admin')
  @Get(':id')
  async editForm(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const agreement = await this.agreements.get(id);
    await this.showForm(page, formState(agreementFormValues(agreement)), agreement);
  }

  @Roles('coordinator', 'admin')
  @Post(':id')
  async update(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const current = await this.agreements.get(id);
    const fields = formFields(body);
    const validated = await validateForm(CreateAgreementDto, agreementInput(fields));
    if (!validated.ok) {
      const errors = page.fieldErrors(missingFirst(agreementProblems(validated.problems)), this.labels(page));
      return this.showForm(page, formState(fields, errors), current, 400);
    }
    try {
      await this.agreements.update(id, validated.value);
    } catch (error) {
      const refused = refusalErrors(page, error, this.labels(page));
      if (!refused) throw error;
      return this.showForm(page, formState(fields, refused.errors), current, refused.status);
    }
    page.redirect(`/agreements/${id}`, 'agreements.notice.saved');
  }

  private async showForm(
    page: Page,
    form: FormState,
    agreement?: AgreementResponse,
    status = 200,
  ): Promise<void> {
    const [institutions, faculties] = await Promise.all([
      this.institutions.list(Object.assign(new ListInstitutionsQuery(), { limit: OPTIONS_LIMIT })),
      this.institutions.homeFaculties(),
    ]);
    const partners = institutions.items
      .filter((institution) => !institution.isHome)
      .map((institution) => ({ value: institution.id, label: institution.name }));
    const title = agreement
      ? page.t('agreements.edit.title', { partner: agreement.partnerInstitution?.name ?? '' })
      : page.t('agreements.new.title');
    page.render(
      <AgreementFormPage
        form={form}
        title={title}
        agreement={agreement}
        partners={partners}
        faculties={faculties.map((faculty) => ({ value: faculty.id, label: faculty.name }))}
        years={academicYearsAround(new Date(), 5, 5)}
      />,
      { title, status },
    );
  }

  private labels(page: Page): Record<string, string> {
    const t = (key: string) => page.t(`agreements.field.${key}`);
    return {
      partnerInstitutionId: t('partner'),
      facultyId: t('faculty'),
      kind: t('kind'),
      subjectAreas: t('subjectAreas'),
      language: t('language'),
      cefrLevel: t('cefrLevel'),
      outgoingPlacesPerYear: t('outgoing'),
      incomingPlacesPerYear: t('incoming'),
      monthsPerMobility: t('months'),
      firstAcademicYear: t('firstYear'),
      lastAcademicYear: t('lastYear'),
      status: t('status'),
      academicYear: t('academicYear'),
      cursor: page.t('web.pager.next'),
    };
  }
}
