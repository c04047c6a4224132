import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { formState, type FormState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { missingFirst, refusalErrors } from '../../web/input-errors.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { CreateFacultyDto } from '../dto/create-faculty.dto.js';
import { CreateInstitutionDto } from '../dto/create-institution.dto.js';
import type { InstitutionResponse } from '../dto/institution.response.js';
import { ListInstitutionsQuery } from '../dto/list-institutions.query.js';
import { UpdateInstitutionDto } from '../dto/update-institution.dto.js';
import { InstitutionsService } from '../institutions.service.js';
import { InstitutionFormPage } from './institution-form.page.js';
import { InstitutionStaffListPage } from './institution-staff-list.page.js';

type Fields = Record<string, string | string[]>;

/** What the institution form sent, as the API's DTO input (empty optional fields cleared). */
function institutionInput(fields: Fields): Record<string, unknown> {
  return {
    name: textOf(fields, 'name'),
    abbreviation: textOf(fields, 'abbreviation') ?? null,
    countryCode: textOf(fields, 'countryCode'),
    city: textOf(fields, 'city'),
    website: textOf(fields, 'website') ?? null,
    schacCode: textOf(fields, 'schacCode'),
    erasmusCode: textOf(fields, 'erasmusCode') ?? null,
  };
}

function institutionValues(institution: InstitutionResponse): Record<string, string> {
  return {
    name: institution.name,
    abbreviation: institution.abbreviation ?? '',
    countryCode: institution.countryCode,
    city: institution.city,
    website: institution.website ?? '',
    schacCode: institution.schacCode,
    erasmusCode: institution.erasmusCode ?? '',
  };
}

/** The staff's institution pages: search, add, edit, and add a faculty. */
@WebController('manage/institutions')
export class InstitutionStaffPagesController {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly web: WebPages,
  ) {}

  @Roles('coordinator', 'admin')
  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = { q: textOf(fields, 'q'), cursor: textOf(fields, 'cursor') };
    const validated = await validateForm(ListInstitutionsQuery, values);
    const results = validated.ok ? await this.institutions.list(validated.value) : undefined;
    const errors = validated.ok
      ? []
      : page.fieldErrors(missingFirst(validated.problems), {
          q: page.t('institutions.staff.search'),
          cursor: page.t('web.pager.next'),
        });
    page.render(<InstitutionStaffListPage form={formState(values, errors)} results={results} />, {
      title: page.t('institutions.staff.list.title'),
      status: validated.ok ? 200 : 400,
    });
  }

  @Roles('coordinator', 'admin')
  @Get('new')
  newForm(@PageReply() reply: FastifyReply): void {
    const page = this.web.page(reply);
    page.render(<InstitutionFormPage form={formState()} />, {
      title: page.t('institutions.staff.new.title'),
    });
  }

  @Roles('coordinator', 'admin')
  @Post()
  async create(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const title = page.t('institutions.staff.new.title');
    const validated = await validateForm(CreateInstitutionDto, institutionInput(fields));
    if (!validated.ok) {
      const errors = page.fieldErrors(missingFirst(validated.problems), this.labels(page));
      return page.render(<InstitutionFormPage form={formState(fields, errors)} />, { title, status: 400 });
    }
    let created: InstitutionResponse;
    try {
      created = await this.institutions.create(validated.value);
    } catch (error) {
      const refused = refusalErrors(page, error, this.labels(page));
      if (!refused) throw error;
      return page.render(<InstitutionFormPage form={formState(fields, refused.errors)} />, {
        title,
        status: refused.status,
      });
    }
    page.redirect(`/manage/institutions/${created.id}`, 'institutions.staff.notice.created');
  }

  @Roles('coordinator', 'admin')
  @Get(':id')
  async editForm(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const institution = await this.institutions.get(id);
    await this.show(page, institution, formState(institutionValues(institution)), formState());
  }

  @Roles('coordinator', 'admin')
  @Post(':id')
  async update(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const institution = await this.institutions.get(id);
    const fields = formFields(body);
    // The whole form is checked as a new institution would be (an emptied required field is an error).
    const validated = await validateForm(CreateInstitutionDto, institutionInput(fields));
    if (!validated.ok) {
      const errors = page.fieldErrors(missingFirst(validated.problems), this.labels(page));
      return this.show(page, institution, formState(fields, errors), formState(), 400);
    }
    try {
      await this.institutions.update(id, Object.assign(new UpdateInstitutionDto(), validated.value));
    } catch (error) {
      const refused = refusalErrors(page, error, this.labels(page));
      if (!refused) throw error;
      return this.show(page, institution, formState(fields, refused.errors), formState(), refused.status);
    }
    page.redirect(`/manage/institutions/${id}`, 'institutions.staff.notice.saved');
  }

  @Roles('coordinator', 'admin')
  @Post(':id/faculties')
  async addFaculty(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const institution = await this.institutions.get(id);
    const fields = formFields(body);
    const labels = {
      'faculty.name': page.t('institutions.staff.faculty.name'),
      'faculty.code': page.t('institutions.staff.faculty.code'),
    };
    const validated = await validateForm(CreateFacultyDto, {
      name: textOf(fields, 'faculty.name'),
      code: textOf(fields, 'faculty.code'),
    });
    const again = (errors: FormState['errors'], status: number) =>
      this.show(
        page,
        institution,
        formState(institutionValues(institution)),
        formState(fields, errors),
        status,
      );
    if (!validated.ok) {
      const problems = validated.problems.map((problem) => ({
        ...problem,
        field: `faculty.${problem.field}`,
      }));
      return again(page.fieldErrors(missingFirst(problems), labels), 400);
    }
    try {
      await this.institutions.createFaculty(id, validated.value);
    } catch (error) {
      const refused = refusalErrors(page, error, {
        code: labels['faculty.code'],
        name: labels['faculty.name'],
      });
      if (!refused) throw error;
      return again(
        refused.errors.map((item) =>
          item.field === 'form' ? item : { ...item, field: `faculty.${item.field}` },
        ),
        refused.status,
      );
    }
    page.redirect(`/manage/institutions/${id}`, 'institutions.staff.notice.facultyAdded');
  }

  private async show(
    page: Page,
    institution: InstitutionResponse,
    form: FormState,
    facultyForm: FormState,
    status = 200,
  ): Promise<void> {
    const faculties = await this.institutions.listFaculties(
      institution.id,
      Object.assign(new PageQueryDto(), { limit: 100 }),
    );
    page.render(
      <InstitutionFormPage
        form={form}
        institution={institution}
        faculties={faculties.items}
        facultyForm={facultyForm}
      />,
      { title: institution.name, status },
    );
  }

  private labels(page: Page): Record<string, string> {
    const t = (key: string) => page.t(`institutions.staff.field.${key}`);
    return {
      name: t('name'),
      abbreviation: t('abbreviation'),
      countryCode: t('country'),
      city: t('city'),
      website: t('website'),
      schacCode: t('schacCode'),
      erasmusCode: t('erasmusCode'),
    };
  }
}
