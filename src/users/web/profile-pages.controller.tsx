import { Body, Get, Post } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../../auth/auth.service.js';
import { Authenticated } from '../../auth/decorators/roles.decorator.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { PersonalDataService } from '../../privacy/personal-data.service.js';
import { formState, type FormState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { UpdateMeDto } from '../../auth/dto/update-me.dto.js';
import type { UserResponse } from '../dto/user.response.js';
import { ProfilePage } from './profile.page.js';

const valuesOf = (profile: UserResponse): FormState['values'] => ({
  firstName: profile.firstName,
  lastName: profile.lastName,
  studentNumber: profile.studentNumber ?? undefined,
  homeFacultyId: profile.homeFacultyId ?? undefined,
  studyLevel: profile.studyLevel ?? undefined,
  studyYear: profile.studyYear === null ? undefined : String(profile.studyYear),
  preferredLocale: profile.preferredLocale,
});

@WebController('profile')
export class ProfilePagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly personalData: PersonalDataService,
    private readonly institutions: InstitutionsService,
    private readonly web: WebPages,
  ) {}

  @Authenticated()
  @Get()
  async show(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    const profile = await this.auth.me(page.user!.id);
    await this.render(page, profile, formState(valuesOf(profile)), 200);
  }

  /** Changes one's names and, for students, the student fields (as PATCH /api/auth/me). */
  @Authenticated()
  @Post()
  async update(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const profile = await this.auth.me(page.user!.id);
    const fields = formFields(body);
    const isStudent = profile.role === 'student';
    const input: Record<string, unknown> = {
      firstName: textOf(fields, 'firstName') ?? '',
      lastName: textOf(fields, 'lastName') ?? '',
    };
    input.preferredLocale = textOf(fields, 'preferredLocale');
    if (isStudent) {
      input.studentNumber = textOf(fields, 'studentNumber') ?? null;
      if (!profile.homeFacultyId && textOf(fields, 'homeFacultyId'))
        input.homeFacultyId = textOf(fields, 'homeFacultyId');
      input.studyLevel = textOf(fields, 'studyLevel') ?? null;
      const year = textOf(fields, 'studyYear');
      input.studyYear = year === undefined ? null : /^\d+$/.test(year) ? Number(year) : year;
    }
    const validated = await validateForm(UpdateMeDto, input);
    if (!validated.ok) {
      const errors = page.fieldErrors(validated.problems, {
        firstName: page.t('auth.field.firstName'),
        lastName: page.t('auth.field.lastName'),
        studentNumber: page.t('auth.field.studentNumber'),
        homeFacultyId: page.t('auth.field.homeFaculty'),
        studyLevel: page.t('profile.studyLevel'),
        studyYear: page.t('profile.studyYear'),
        preferredLocale: page.t('profile.preferredLocale'),
      });
      return this.render(page, profile, formState(fields, errors), 400);
    }
    try {
      await this.auth.updateMe(page.user!.id, validated.value);
    } catch (error) {
      const sentence = page.errorSentence(error);
      if (!sentence) throw error;
      const status = error instanceof DomainException ? error.status : 409;
      return this.render(page, profile, formState(fields, [{ field: 'form', message: sentence }]), status);
    }
    page.redirect('/profile', 'profile.notice.saved');
  }

  /** Everything the portal holds about the signed-in person, as a JSON file (the right of access). */
  @Authenticated()
  @Get('data.json')
  async download(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    const data = await this.personalData.export(page.user!.id);
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="my-data.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  }

  private async render(page: Page, profile: UserResponse, form: FormState, status: number): Promise<void> {
    const faculties = profile.role === 'student' ? await this.institutions.homeFaculties() : [];
    page.render(<ProfilePage profile={profile} form={form} faculties={faculties} />, {
      title: page.t('profile.title'),
      status,
    });
  }
}
