import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../auth/auth-user.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { academicYearsAround } from '../../common/academic-years.js';
import { DomainException, InvalidInputError } from '../../common/errors/domain.exception.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { CreateIncomingDto } from '../../incoming/dto/create-incoming.dto.js';
import { ListIncomingQuery } from '../../incoming/dto/incoming-filters.dto.js';
import { IncomingService } from '../../incoming/incoming.service.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { ListOutgoingQuery } from '../../outgoing/dto/outgoing-filters.dto.js';
import { VerifyOutgoingDto } from '../../outgoing/dto/verify-outgoing.dto.js';
import { OutgoingService } from '../../outgoing/outgoing.service.js';
import { formState, type FieldError, type FormState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { NominatePage, PartnerHomePage, PartnerNominationPage } from './partner.pages.js';

/** Rows a page of each list of the home page shows (newest first). */
const HOME_ROWS = 50;

const NOMINATION_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'hostFacultyId',
  'academicYear',
  'term',
  'plannedArrival',
  'plannedDeparture',
  'notes',
] as const;

/**
 * A partner coordinator's pages, held to their own institution by the services (anything of
 * another institution is the 404 page): the twins of /api/outgoing/:id/verification and of a
 * partner's POST /api/incoming.
 */
@Roles('partner')
@WebController('partner')
export class PartnerPagesController {
  constructor(
    private readonly outgoing: OutgoingService,
    private readonly incoming: IncomingService,
    private readonly institutions: InstitutionsService,
    private readonly web: WebPages,
  ) {}

  /** Both lists page apart: `received` and `sent` are their cursors (a foreign one is the 400 page). */
  @Get()
  async home(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const caller = page.user as AuthUser;
    const fields = formFields(raw);
    const cursors = { received: textOf(fields, 'received'), sent: textOf(fields, 'sent') };
    for (const cursor of Object.values(cursors)) {
      if (!(await validateForm(PageQueryDto, { cursor })).ok) {
        throw new InvalidInputError('cursor is not a cursor this list gave out', ['cursor']);
      }
    }
    const [institution, received, sent] = await Promise.all([
      this.institutions.get(caller.institutionId!),
      this.outgoing.list(
        caller,
        Object.assign(new ListOutgoingQuery(), { limit: HOME_ROWS, cursor: cursors.received }),
      ),
      this.incoming.list(
        Object.assign(new ListIncomingQuery(), { limit: HOME_ROWS, cursor: cursors.sent }),
        caller,
      ),
    ]);
    page.render(
      <PartnerHomePage institution={institution.name} received={received} sent={sent} cursors={cursors} />,
      { title: page.t('partner.title') },
    );
  }

  @Get('nominate')
  async nominateForm(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    await this.showNominate(page, formState(), 200);
  }

  /** Nominates one of the partner's students to the home institution (status nominated). */
  @Post('nominate')
  async nominate(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const caller = page.user as AuthUser;
    const fields = formFields(body);
    const input = {
      ...Object.fromEntries(NOMINATION_FIELDS.map((name) => [name, textOf(fields, name)])),
      homeInstitutionId: caller.institutionId ?? undefined,
    };
    const labels = Object.fromEntries(
      NOMINATION_FIELDS.map((name) => [
        name,
        page.t(`partner.field.${name === 'hostFacultyId' ? 'hostFaculty' : name}`),
      ]),
    );
    const validated = await validateForm(CreateIncomingDto, input);
    if (!validated.ok) {
      const errors = page.fieldErrors(
        validated.problems.map(({ field, constraints }) => ({
          field,
          constraints: input[field as keyof typeof input] === undefined ? ['isNotEmpty'] : constraints,
        })),
        labels,
      );
      return this.showNominate(page, formState(fields, errors), 400);
    }
    try {
      await this.incoming.create(caller, validated.value);
    } catch (error) {
      const sentence = page.errorSentence(error);
      if (!sentence || (error as { status?: number }).status === 404) throw error;
      return this.showNominate(
        page,
        formState(fields, refusal(page, error, sentence, labels)),
        (error as { status?: number }).status ?? 409,
      );
    }
    page.redirect('/partner', 'partner.notice.nominated');
  }

  /** A nomination to the partner's institution (404 for any other institution's). */
  @Get('nominations/:id')
  async nomination(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.showNomination(this.web.page(reply), id, formState(), 200);
  }

  /** The receiving side's answer: accepted (optionally naming its faculty) or rejected with a reason. */
  @Post('nominations/:id/verification')
  async verify(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const outcome = textOf(fields, 'outcome');
    const commentField = outcome === 'rejected' ? 'rejected-comment' : 'verified-comment';
    const validated = await validateForm(VerifyOutgoingDto, {
      outcome,
      comment: textOf(fields, commentField),
      receivingFacultyId: outcome === 'verified' ? textOf(fields, 'receivingFacultyId') : undefined,
    });
    if (!validated.ok) {
      const errors: FieldError[] = validated.problems.map(({ field }) =>
        field === 'comment' && outcome === 'rejected'
          ? { field: commentField, message: page.t('partner.error.reason') }
          : {
              field: field === 'comment' ? commentField : field === 'outcome' ? 'form' : field,
              message: page.t('partner.error.field', { field: page.t('partner.answer.title') }),
            },
      );
      return this.showNomination(page, id, formState(fields, errors), 400);
    }
    try {
      await this.outgoing.verify(page.user as AuthUser, id, validated.value);
    } catch (error) {
      const sentence = page.errorSentence(error);
      if (!sentence || (error as { status?: number }).status === 404) throw error;
      return this.showNomination(
        page,
        id,
        formState(fields, [{ field: 'form', message: sentence }]),
        (error as { status?: number }).status ?? 409,
      );
    }
    page.redirect(
      `/partner/nominations/${id}`,
      validated.value.outcome === 'verified' ? 'partner.notice.verified' : 'partner.notice.rejected',
    );
  }

  private async showNomination(page: Page, id: string, form: FormState, status: number): Promise<void> {
    const caller = page.user as AuthUser;
    const mobility = await this.outgoing.get(caller, id);
    const [history, faculties] = await Promise.all([
      this.outgoing.listEvents(caller, id, Object.assign(new PageQueryDto(), { limit: 100 })),
      this.institutions.listFaculties(
        caller.institutionId!,
        Object.assign(new PageQueryDto(), { limit: 100 }),
      ),
    ]);
    page.render(
      <PartnerNominationPage
        mobility={mobility}
        events={history.items}
        faculties={faculties.items.map((faculty) => ({ value: faculty.id, label: faculty.name }))}
        form={form}
      />,
      { title: `${mobility.student.firstName} ${mobility.student.lastName}`, status },
    );
  }

  private async showNominate(page: Page, form: FormState, status: number): Promise<void> {
    const faculties = await this.institutions.homeFaculties();
    page.render(
      <NominatePage
        form={form}
        faculties={faculties.map((faculty) => ({ value: faculty.id, label: faculty.name }))}
        years={academicYearsAround(new Date())}
      />,
      { title: page.t('partner.nominate'), status },
    );
  }
}

/** A refusal of the service: beside each field it names, else the sentence above the form. */
function refusal(page: Page, error: unknown, sentence: string, labels: Record<string, string>): FieldError[] {
  const listed = error instanceof DomainException ? error.details?.fields : undefined;
  const named = Array.isArray(listed) ? (listed as Array<{ field: string }>).map((entry) => entry.field) : [];
  const shown = named.filter((field) => field in labels);
  if (shown.length === 0) return [{ field: 'form', message: sentence }];
  return shown.map((field) => ({ field, message: page.t('partner.error.field', { field: labels[field] }) }));
}
