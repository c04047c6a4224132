import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { ErrorCode } from '../../common/errors/error-codes.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { PersonalDataService } from '../../privacy/personal-data.service.js';
import { formState, type FieldError } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { CreateUserDto } from '../dto/create-user.dto.js';
import { ListUsersQuery } from '../dto/list-users.query.js';
import { UpdateUserDto } from '../dto/update-user.dto.js';
import { UsersService } from '../users.service.js';
import { EraseUserPage, NewUserPage, STAFF_ROLES, UserPage, UsersPage } from './users-admin.pages.js';

const NEW_USER_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'role',
  'preferredLocale',
  'password',
  'institutionId',
] as const;

/** The field labels' keys where they differ from `usersAdmin.field.<name>`. */
const LABEL_KEYS: Record<string, string> = {
  preferredLocale: 'usersAdmin.field.language',
  institutionId: 'usersAdmin.field.institution',
};

/** The twin of /api/users (and /api/users/:id/erase) for admins. */
@Roles('admin')
@WebController('admin/users')
export class UsersAdminPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly personalData: PersonalDataService,
    private readonly institutions: InstitutionsService,
    private readonly web: WebPages,
  ) {}

  @Get()
  async list(@PageReply() reply: FastifyReply, @Query() raw: Record<string, unknown>): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(raw);
    const values = {
      q: textOf(fields, 'q'),
      role: textOf(fields, 'role'),
      active: textOf(fields, 'active'),
      cursor: textOf(fields, 'cursor'),
    };
    const validated = await validateForm(ListUsersQuery, values);
    const list = validated.ok ? await this.users.list(validated.value) : undefined;
    const errors = validated.ok
      ? []
      : page.fieldErrors(validated.problems, {
          q: page.t('usersAdmin.search'),
          role: page.t('usersAdmin.field.role'),
          active: page.t('usersAdmin.field.state'),
          cursor: page.t('web.pager.next'),
        });
    page.render(<UsersPage form={formState(values, errors)} list={list} />, {
      title: page.t('usersAdmin.title'),
      status: validated.ok ? 200 : 400,
    });
  }

  @Get('new')
  async newUser(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    const institutions = await this.institutions.partnerChoices();
    page.render(
      <NewUserPage
        form={formState({ role: 'advisor', preferredLocale: page.locale })}
        institutions={institutions}
      />,
      { title: page.t('usersAdmin.create') },
    );
  }

  @Post('new')
  async create(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const input = Object.fromEntries(NEW_USER_FIELDS.map((name) => [name, textOf(fields, name)]));
    // Without JavaScript the institution select is there for every role: it counts for a partner only.
    if (input.role !== 'partner') input.institutionId = undefined;
    const labels = Object.fromEntries(
      NEW_USER_FIELDS.map((name) => [name, page.t(LABEL_KEYS[name] ?? `usersAdmin.field.${name}`)]),
    );
    const institutions = await this.institutions.partnerChoices();
    const refuse = (errors: FieldError[], status: number) =>
      page.render(
        <NewUserPage
          form={formState({ ...fields, password: undefined }, errors)}
          institutions={institutions}
        />,
        { title: page.t('usersAdmin.create'), status },
      );
    const validated = await validateForm(CreateUserDto, input);
    if (!validated.ok) {
      // A field left empty is asked for, whatever else its validators say.
      const seen = new Set<string>();
      const problems = validated.problems
        .map(({ field, constraints }) => ({
          field,
          constraints: input[field] === undefined ? ['isNotEmpty'] : constraints,
        }))
        .filter((problem) => !seen.has(problem.field) && seen.add(problem.field));
      return refuse(page.fieldErrors(problems, labels), 400);
    }
    if (!(STAFF_ROLES as string[]).includes(validated.value.role)) {
      return refuse([{ field: 'role', message: page.t('web.validation.isIn', { field: labels.role }) }], 400);
    }
    let id: string;
    try {
      id = (await this.users.create(validated.value)).id;
    } catch (error) {
      const sentence = page.errorSentence(error);
      if (!sentence) throw error;
      return refuse(fieldsOf(page, error, sentence), error instanceof DomainException ? error.status : 409);
    }
    page.redirect(`/admin/users/${id}`, 'usersAdmin.notice.created');
  }

  @Get(':id')
  async show(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    const [user, institutions] = await Promise.all([this.users.get(id), this.institutions.partnerChoices()]);
    page.render(<UserPage user={user} institutions={institutions} />, {
      title: `${user.firstName} ${user.lastName}`,
    });
  }

  @Post(':id/role')
  async changeRole(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const role = textOf(fields, 'role');
    const validated = await validateForm(UpdateUserDto, {
      role,
      // Counts for a partner only (the select is there for every role without JavaScript).
      institutionId: role === 'partner' ? textOf(fields, 'institutionId') : undefined,
    });
    const refuse = async (errors: FieldError[], status: number) => {
      const [user, institutions] = await Promise.all([
        this.users.get(id),
        this.institutions.partnerChoices(),
      ]);
      return page.render(
        <UserPage user={user} form={formState(fields, errors)} institutions={institutions} />,
        {
          title: `${user.firstName} ${user.lastName}`,
          status,
        },
      );
    };
    if (!validated.ok || validated.value.role === undefined) {
      const invalidInstitution = validated.ok
        ? false
        : validated.problems.some((p) => p.field === 'institutionId');
      return refuse(
        invalidInstitution
          ? [{ field: 'institutionId', message: page.t('usersAdmin.error.institution') }]
          : [
              {
                field: 'role',
                message: page.t('web.validation.isIn', { field: page.t('usersAdmin.field.role') }),
              },
            ],
        400,
      );
    }
    try {
      await this.users.update(
        id,
        { role: validated.value.role, institutionId: validated.value.institutionId },
        this.actor(page, reply),
      );
    } catch (error) {
      const sentence = page.errorSentence(error);
      if (!sentence) throw error;
      return refuse(fieldsOf(page, error, sentence), error instanceof DomainException ? error.status : 409);
    }
    page.redirect(`/admin/users/${id}`, 'usersAdmin.notice.roleChanged');
  }

  /** Ends the person's sessions at once: their next page load asks them to sign in. */
  @Post(':id/deactivate')
  async deactivate(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    await this.users.update(id, { active: false }, this.actor(page, reply));
    page.redirect(`/admin/users/${id}`, 'usersAdmin.notice.deactivated');
  }

  @Post(':id/activate')
  async activate(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    await this.users.update(id, { active: true }, this.actor(page, reply));
    page.redirect(`/admin/users/${id}`, 'usersAdmin.notice.activated');
  }

  @Get(':id/erase')
  async confirmErase(
    @PageReply() reply: FastifyReply,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    const page = this.web.page(reply);
    const user = await this.users.get(id);
    page.render(<EraseUserPage user={user} />, { title: page.t('usersAdmin.erase') });
  }

  /** Erasure for good (409 page when already erased, or for the admin's own account). */
  @Post(':id/erase')
  async erase(@PageReply() reply: FastifyReply, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const page = this.web.page(reply);
    await this.personalData.erase(id, this.actor(page, reply));
    page.redirect(`/admin/users/${id}`, 'usersAdmin.notice.erased');
  }

  private actor(page: Page, reply: FastifyReply): { id: string; address: string } {
    return { id: page.user!.id, address: reply.request.ip };
  }
}

/** A refused creation: the sentence beside each field the error names, else above the form. */
function fieldsOf(page: Page, error: unknown, sentence: string): FieldError[] {
  if (!(error instanceof DomainException)) return [{ field: 'form', message: sentence }];
  const listed = error.details?.fields;
  const named = Array.isArray(listed) ? listed.map((entry: { field: string }) => entry.field) : [];
  if (error.code === ErrorCode.ALREADY_EXISTS) named.push('email');
  if (named.length === 0) return [{ field: 'form', message: sentence }];
  const own: Record<string, string> = {
    password: 'usersAdmin.error.password',
    institutionId: 'usersAdmin.error.institution',
  };
  return named.map((field) => ({ field, message: own[field] ? page.t(own[field]) : sentence }));
}
