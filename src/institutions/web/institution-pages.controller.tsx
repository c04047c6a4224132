import { Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ListAgreementsQuery } from '../../agreements/dto/list-agreements.query.js';
import { AgreementsService } from '../../agreements/agreements.service.js';
import { Public } from '../../auth/decorators/public.decorator.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { formState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages } from '../../web/web-pages.service.js';
import { ListInstitutionsQuery } from '../dto/list-institutions.query.js';
import { InstitutionsService } from '../institutions.service.js';
import { InstitutionListPage, InstitutionPage } from './institution-pages.js';

@WebController('institutions')
export class InstitutionPagesController {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly agreements: AgreementsService,
    private readonly web: WebPages,
  ) {}

  /** Institutions by name, searchable by words and country. */
  @Public()
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = {
      q: textOf(fields, 'q'),
      countryCode: textOf(fields, 'countryCode'),
      cursor: textOf(fields, 'cursor'),
    };
    const validated = await validateForm(ListInstitutionsQuery, values);
    const [results, countries] = await Promise.all([
      validated.ok ? this.institutions.list(validated.value) : undefined,
      this.institutions.partnerCountryCodes(),
    ]);
    const errors = validated.ok
      ? []
      : page.fieldErrors(validated.problems, {
          q: page.t('institutions.list.words'),
          countryCode: page.t('institutions.field.country'),
          cursor: page.t('web.pager.label'),
        });
    page.render(
      <InstitutionListPage form={formState(values, errors)} results={results} countries={countries} />,
      {
        title: page.t('institutions.list.title'),
        status: validated.ok ? 200 : 400,
      },
    );
  }

  /** An institution with its faculties and its active agreements. */
  @Public()
  @Get(':id')
  async show(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const institution = await this.institutions.get(id);
    const [faculties, agreements] = await Promise.all([
      this.institutions.listFaculties(id, Object.assign(new PageQueryDto(), { limit: 100 })),
      institution.isHome
        ? undefined
        : this.agreements.list(
            Object.assign(new ListAgreementsQuery(), {
              partnerInstitutionId: id,
              status: 'active',
              limit: 100,
            }),
          ),
    ]);
    page.render(
      <InstitutionPage
        institution={institution}
        faculties={faculties.items}
        agreements={agreements?.items ?? []}
      />,
      { title: institution.name },
    );
  }
}
