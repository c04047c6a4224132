import type { ClassConstructor } from 'class-transformer';
import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { NotFoundError } from '../../common/errors/domain.exception.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { ListProgrammesQuery } from '../../programmes/dto/list-programmes.query.js';
import { ProgrammesService } from '../../programmes/programmes.service.js';
import { formState, type FieldError, type FormState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { ApplicationsService } from '../applications.service.js';
import { MAX_CHOICES, type ProgrammeFacts } from '../application-state.js';
import type { ApplicationResponse } from '../dto/application.response.js';
import { CreateApplicationDto } from '../dto/create-application.dto.js';
import { ListApplicationsQuery } from '../dto/list-applications.query.js';
import { UpdateApplicationDto } from '../dto/update-application.dto.js';
import { WithdrawDto } from '../dto/withdraw.dto.js';
import { ConfirmPlaceDto, DeclinePlaceDto } from '../dto/answer-place.dto.js';
import { OutgoingService } from '../../outgoing/outgoing.service.js';
import {
  ApplicationFormPage,
  ApplicationPage,
  DeclinePage,
  LANGUAGE_ROWS,
  MyApplicationsPage,
  WithdrawPage,
} from './application-pages.js';
import { submissionChecklist } from './submission-checklist.js';

type Fields = Record<string, string | string[]>;

/** The form's fields as the API's DTO: ranked choices without gaps, language rows that are filled. */
export function applicationInput(fields: Fields): Record<string, unknown> {
  const choices = Array.from({ length: MAX_CHOICES }, (_, index) =>
    textOf(fields, `choice${index + 1}`),
  ).filter((choice): choice is string => choice !== undefined);
  const languageSkills = Array.from({ length: LANGUAGE_ROWS }, (_, index) => ({
    language: textOf(fields, `language${index + 1}`),
    cefrLevel: textOf(fields, `level${index + 1}`),
  })).filter((skill) => skill.language || skill.cefrLevel);
  const grade = textOf(fields, 'gradeAverage');
  const gradeNumber = grade === undefined ? undefined : Number(grade.replace(',', '.'));
  return {
    choices,
    gradeAverage: gradeNumber === undefined ? undefined : Number.isFinite(gradeNumber) ? gradeNumber : grade,
    languageSkills,
    motivation:
      typeof fields.motivation === 'string' && fields.motivation.trim() ? fields.motivation : undefined,
  };
}

/** The application's values as the form shows them. */
function formValuesOf(application: ApplicationResponse): FormState['values'] {
  const values: FormState['values'] = {
    gradeAverage: application.gradeAverage === null ? undefined : String(application.gradeAverage),
    motivation: application.motivation ?? undefined,
  };
  application.choices.forEach((choice, index) => (values[`choice${index + 1}`] = choice.programmeId));
  application.languageSkills.forEach((skill, index) => {
    values[`language${index + 1}`] = skill.language;
    values[`level${index + 1}`] = skill.cefrLevel;
  });
  return values;
}

/** Where a DTO's field shows on the form (`languageSkills.0.cefrLevel` -> `level1`). */
function formFieldOf(field: string): string {
  const skill = /^languageSkills\.(\d+)\.(language|cefrLevel)$/.exec(field);
  if (skill) return `${skill[2] === 'language' ? 'language' : 'level'}${Number(skill[1]) + 1}`;
  if (field.startsWith('choices')) return 'choice1';
  if (field.startsWith('languageSkills')) return 'language1';
  return field;
}

@WebController('applications')
export class ApplicationPagesController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly programmes: ProgrammesService,
    private readonly outgoing: OutgoingService,
    private readonly web: WebPages,
  ) {}

  /** The student's applications, newest first, each with its status and next step. */
  @Roles('student')
  @Get()
  async mine(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    const list = await this.applications.list(
      page.user!,
      Object.assign(new ListApplicationsQuery(), { limit: 100 }),
    );
    page.render(<MyApplicationsPage applications={list.items} />, {
      title: page.t('applications.mine.title'),
    });
  }

  @Roles('student')
  @Get('new')
  async newForm(@PageReply() reply: FastifyReply, @Query('programme') programme?: string): Promise<void> {
    const page = this.web.page(reply);
    await this.showForm(page, formState({ choice1: programme }), 200);
  }

  /** Saves a new draft (nothing is sent to the office before the student submits it). */
  @Roles('student')
  @Post()
  async create(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const validated = await validateForm(CreateApplicationDto, applicationInput(fields));
    if (!validated.ok)
      return this.showForm(page, formState(fields, this.problems(page, validated.problems)), 400);
    try {
      const created = await this.applications.create(page.user!, validated.value);
      page.redirect(`/applications/${created.id}`, 'applications.notice.saved');
    } catch (error) {
      const errors = this.refusal(page, error);
      return this.showForm(page, formState(fields, errors), statusOf(error));
    }
  }

  /** One application of the student: details, the checklist of a draft, the timeline. */
  @Roles('student')
  @Get(':id')
  async show(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    await this.showApplication(page, await this.applications.get(page.user!, id), formState(), 200);
  }

  @Roles('student')
  @Get(':id/edit')
  async editForm(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const application = await this.applications.get(page.user!, id);
    if (application.status !== 'draft') return page.redirect(`/applications/${id}`);
    await this.showForm(page, formState(formValuesOf(application)), 200, application);
  }

  /** Changes the draft (the version read with the form guards against a change in between). */
  @Roles('student')
  @Post(':id')
  async update(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const application = await this.applications.get(page.user!, id);
    const fields = formFields(body);
    const input: Record<string, unknown> = {
      ...applicationInput(fields),
      version: Number(textOf(fields, 'version')),
    };
    // Empty fields clear what was there: the form shows every field of the draft.
    input.motivation ??= null;
    input.gradeAverage ??= null;
    const validated = await validateForm(UpdateApplicationDto, input);
    if (!validated.ok) {
      return this.showForm(
        page,
        formState(fields, this.problems(page, validated.problems)),
        400,
        application,
      );
    }
    try {
      await this.applications.update(page.user!, id, validated.value);
      page.redirect(`/applications/${id}`, 'applications.notice.saved');
    } catch (error) {
      return this.showForm(page, formState(fields, this.refusal(page, error)), statusOf(error), application);
    }
  }

  @Roles('student')
  @Post(':id/submit')
  async submit(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    try {
      await this.applications.submit(page.user!, id);
      page.redirect(`/applications/${id}`, 'applications.notice.submitted');
    } catch (error) {
      const errors = this.refusal(page, error);
      await this.showApplication(
        page,
        await this.applications.get(page.user!, id),
        formState({}, errors),
        statusOf(error),
      );
    }
  }

  @Roles('student')
  @Get(':id/withdraw')
  async withdrawForm(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const page = this.web.page(reply);
    const application = await this.applications.get(page.user!, id);
    page.render(<WithdrawPage application={application} form={formState()} />, {
      title: page.t('applications.withdraw.title'),
    });
  }

  /** Withdraws after the confirmation page; an approved application gives its place back. */
  @Roles('student')
  @Post(':id/withdraw')
  async withdraw(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    await this.submitConfirmation(page, id, body, {
      prefix: 'applications.withdraw',
      View: WithdrawPage,
      dto: WithdrawDto,
      act: (value) => this.applications.withdraw(page.user!, id, value),
      notice: 'applications.notice.withdrawn',
    });
  }

  /**
   * The student confirms the approved place (before its deadline), with the two facts EWP asks
   * for when known; the outgoing mobility is created. Refusals come back on the application page.
   */
  @Roles('student')
  @Post(':id/confirm')
  async confirm(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const again = async (errors: FieldError[], status: number) =>
      this.showApplication(
        page,
        await this.applications.get(page.user!, id),
        formState(fields, errors),
        status,
      );
    const validated = await validateForm(ConfirmPlaceDto, {
      birthDate: textOf(fields, 'birthDate'),
      citizenship: textOf(fields, 'citizenship'),
    });
    if (!validated.ok) {
      return again(
        page.fieldErrors(validated.problems, {
          birthDate: page.t('applications.place.birthDate'),
          citizenship: page.t('applications.place.citizenship'),
        }),
        400,
      );
    }
    try {
      await this.applications.confirm(page.user!, id, validated.value);
    } catch (error) {
      return again(this.refusal(page, error), statusOf(error));
    }
    page.redirect(`/applications/${id}`, 'applications.notice.confirmed');
  }

  @Roles('student')
  @Get(':id/decline')
  async declineForm(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const application = await this.applications.get(page.user!, id);
    page.render(<DeclinePage application={application} form={formState()} />, {
      title: page.t('applications.decline.title'),
    });
  }

  /** Declines the approved place after the confirmation page: the place goes back to the programme. */
  @Roles('student')
  @Post(':id/decline')
  async decline(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    await this.submitConfirmation(page, id, body, {
      prefix: 'applications.decline',
      View: DeclinePage,
      dto: DeclinePlaceDto,
      act: (value) => this.applications.decline(page.user!, id, value),
      notice: 'applications.notice.declined',
    });
  }

  // --- helpers ------------------------------------------------------------------------------

  /**
   * The POST of a confirmation page with an optional comment (withdraw, decline the place):
   * refusals come back on the same page in the student's language; success goes back to the
   * application with a notice.
   */
  private async submitConfirmation<Dto extends object>(
    page: Page,
    id: string,
    body: unknown,
    step: {
      prefix: 'applications.withdraw' | 'applications.decline';
      View: typeof WithdrawPage;
      dto: ClassConstructor<Dto>;
      act: (value: Dto) => Promise<unknown>;
      notice: string;
    },
  ): Promise<void> {
    const fields = formFields(body);
    const { View } = step;
    const again = async (errors: FieldError[], status: number) =>
      page.render(
        <View application={await this.applications.get(page.user!, id)} form={formState(fields, errors)} />,
        { title: page.t(`${step.prefix}.title`), status },
      );
    const validated = await validateForm(step.dto, { comment: textOf(fields, 'comment') });
    if (!validated.ok) {
      return again(page.fieldErrors(validated.problems, { comment: page.t(`${step.prefix}.comment`) }), 400);
    }
    try {
      await step.act(validated.value);
    } catch (error) {
      return again(this.refusal(page, error), statusOf(error));
    }
    page.redirect(`/applications/${id}`, step.notice);
  }

  private async showForm(
    page: Page,
    form: FormState,
    status: number,
    application?: ApplicationResponse,
  ): Promise<void> {
    const published = await this.programmes.list(
      Object.assign(new ListProgrammesQuery(), { limit: 100 }),
      undefined,
    );
    // Only programmes a student can still choose, plus those already chosen.
    const chosen = new Set(application?.choices.map((choice) => choice.programmeId) ?? []);
    const programmes = published.items.filter((programme) => programme.isOpen || chosen.has(programme.id));
    page.render(
      <ApplicationFormPage
        form={form}
        programmes={programmes}
        action={application ? `/applications/${application.id}` : '/applications'}
        title={page.t(application ? 'applications.form.editTitle' : 'applications.form.newTitle')}
        version={application?.version}
      />,
      { title: page.t(application ? 'applications.form.editTitle' : 'applications.form.newTitle'), status },
    );
  }

  private async showApplication(
    page: Page,
    application: ApplicationResponse,
    form: FormState,
    status: number,
  ) {
    const user = page.user as AuthUser;
    const [events, checklist, mobility] = await Promise.all([
      this.applications.listEvents(user, application.id, Object.assign(new PageQueryDto(), { limit: 100 })),
      application.status === 'draft' ? this.checklistOf(user, application) : undefined,
      application.status === 'confirmed' ? this.outgoing.ofApplication(user, application.id) : null,
    ]);
    page.render(
      <ApplicationPage
        application={application}
        checklist={checklist}
        events={events.items}
        form={form}
        mobility={mobility ?? undefined}
        now={new Date()}
      />,
      {
        title: page.t('applications.show.title', {
          term: page.t(`programmes.term.${application.term}`),
          year: application.academicYear,
        }),
        status,
      },
    );
  }

  private async checklistOf(student: AuthUser, application: ApplicationResponse) {
    const programmes = await Promise.all(
      application.choices.map((choice) =>
        this.programmes.get(choice.programmeId, student).catch((error: unknown) => {
          // A choice taken out of the catalogue since: it blocks the submission like an archived one.
          if (!(error instanceof NotFoundError)) throw error;
          return withdrawnChoice(choice.programmeId, choice.title, application);
        }),
      ),
    );
    return submissionChecklist({
      motivation: application.motivation,
      languageSkills: application.languageSkills,
      homeFacultyId: student.homeFacultyId,
      programmes,
      now: new Date(),
    });
  }

  private problems(page: Page, problems: Parameters<Page['fieldErrors']>[0]): FieldError[] {
    const labelOf = (field: string) => {
      if (field.startsWith('choices')) return page.t('applications.form.choices');
      if (field.startsWith('languageSkills')) return page.t('applications.form.languages');
      if (field === 'gradeAverage') return page.t('applications.field.grade');
      if (field === 'motivation') return page.t('applications.field.motivation');
      return field;
    };
    const labels = Object.fromEntries(problems.map(({ field }) => [field, labelOf(field)]));
    return page.fieldErrors(problems, labels).map((error) => ({ ...error, field: formFieldOf(error.field) }));
  }

  /** A refusal of the service as the form's error: beside the field it names, else at the top. */
  private refusal(page: Page, error: unknown): FieldError[] {
    const sentence = page.errorSentence(error);
    if (!sentence) throw error;
    const details = (error as { details?: { fields?: Array<{ field: string }> } }).details;
    const field = details?.fields?.[0]?.field;
    // A 400 from the service names a field (choices of two terms, an unknown programme).
    const message = field === 'choices' ? page.t('applications.form.choicesProblem') : sentence;
    return [{ field: field ? formFieldOf(field) : 'form', message }];
  }
}

/** The facts of a choice the student can no longer see (no longer published). */
function withdrawnChoice(id: string, title: string, application: ApplicationResponse): ProgrammeFacts {
  return {
    id,
    title,
    status: 'archived',
    academicYear: application.academicYear,
    term: application.term,
    applicationOpensAt: new Date(0),
    applicationClosesAt: new Date(0),
    eligibleFacultyIds: [],
    languageOfInstruction: null,
    minLanguageLevel: null,
  };
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; getStatus?: () => number }).status;
  if (typeof status === 'number') return status;
  const getStatus = (error as { getStatus?: () => number }).getStatus;
  return typeof getStatus === 'function' ? getStatus.call(error) : 409;
}
