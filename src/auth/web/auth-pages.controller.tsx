import { Body, Get, HttpException, HttpStatus, Post, Query, UnauthorizedException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainException, InvalidInputError } from '../../common/errors/domain.exception.js';
import { ErrorCode } from '../../common/errors/error-codes.js';
import { InstitutionsService } from '../../institutions/institutions.service.js';
import { formState } from '../../web/components/forms.js';
import { formFields, textOf, validateForm } from '../../web/form-validation.js';
import { WebController, PageReply } from '../../web/web.decorators.js';
import { WebPages, type Page } from '../../web/web-pages.service.js';
import { AuthErrorCode } from '../auth-error-codes.js';
import { AuthService } from '../auth.service.js';
import { Public } from '../decorators/public.decorator.js';
import { LoginDto } from '../dto/credentials.dto.js';
import { RegisterDto } from '../dto/register.dto.js';
import { RegisterPage, SignInPage } from './auth-pages.js';

/** Only a path of this site (`/fr/...`), never another origin, after signing in. */
export function safeNext(next: unknown): string | undefined {
  return typeof next === 'string' &&
    /^\/(fr|en|ru|kk)(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(next) &&
    !next.startsWith('//')
    ? next
    : undefined;
}

/** Where someone lands after signing in or registering, by role. */
const landing = (role: string) =>
  role === 'student' ? '/applications' : role === 'partner' ? '/partner' : '';

@WebController()
export class AuthPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly institutions: InstitutionsService,
    private readonly web: WebPages,
  ) {}

  @Public()
  @Get('sign-in')
  signInForm(@PageReply() reply: FastifyReply, @Query('next') next?: string): void {
    const page = this.web.page(reply);
    page.render(<SignInPage form={formState()} next={safeNext(next)} />, {
      title: page.t('auth.signIn.title'),
    });
  }

  @Public()
  @Post('sign-in')
  async signIn(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const next = safeNext(textOf(fields, 'next'));
    const values = { email: textOf(fields, 'email') ?? '' };
    const validated = await validateForm(LoginDto, {
      email: textOf(fields, 'email'),
      password: fields.password ?? '',
    });
    const again = (status: number, message: string, field = 'form') =>
      page.render(<SignInPage form={formState(values, [{ field, message }])} next={next} />, {
        title: page.t('auth.signIn.title'),
        status,
      });
    if (!validated.ok) return again(400, page.t('auth.signIn.missing'), 'email');
    try {
      const session = await this.auth.login(validated.value, reply.request.ip);
      this.web.startSession(reply, session.accessToken, session.expiresIn);
      if (next) {
        void reply.code(303).header('location', next).send();
        return;
      }
      page.redirect(landing(session.user.role));
    } catch (error) {
      if (error instanceof UnauthorizedException) return again(401, page.t('auth.signIn.wrong'));
      if (error instanceof HttpException && error.getStatus() === HttpStatus.TOO_MANY_REQUESTS) {
        return again(429, page.t('error.TOO_MANY_REQUESTS'));
      }
      throw error;
    }
  }

  @Public()
  @Get('register')
  async registerForm(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    await this.showRegister(page, formState());
  }

  @Public()
  @Post('register')
  async register(@PageReply() reply: FastifyReply, @Body() body: unknown): Promise<void> {
    const page = this.web.page(reply);
    const fields = formFields(body);
    const input = {
      firstName: textOf(fields, 'firstName'),
      lastName: textOf(fields, 'lastName'),
      email: textOf(fields, 'email'),
      password: typeof fields.password === 'string' ? fields.password : undefined,
      homeFacultyId: textOf(fields, 'homeFacultyId'),
      studentNumber: textOf(fields, 'studentNumber'),
      // Notifications in the language the student registered in.
      preferredLocale: page.locale,
    };
    const values = { ...fields, password: undefined };
    const validated = await validateForm(RegisterDto, input);
    if (!validated.ok) {
      const errors = page.fieldErrors(validated.problems, {
        firstName: page.t('auth.field.firstName'),
        lastName: page.t('auth.field.lastName'),
        email: page.t('auth.field.email'),
        password: page.t('auth.field.newPassword'),
        homeFacultyId: page.t('auth.field.homeFaculty'),
        studentNumber: page.t('auth.field.studentNumber'),
      });
      // The password rule, said in full where it applies.
      for (const error of errors) {
        if (error.field === 'password') error.message = page.t('auth.field.newPasswordHint');
      }
      return this.showRegister(page, formState(values, errors), 400);
    }
    try {
      const session = await this.auth.register(validated.value, reply.request.ip);
      this.web.startSession(reply, session.accessToken, session.expiresIn);
      page.redirect(landing(session.user.role), 'auth.notice.registered');
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === HttpStatus.TOO_MANY_REQUESTS) {
        return this.showRegister(
          page,
          formState(values, [{ field: 'form', message: page.t('error.TOO_MANY_REQUESTS') }]),
          429,
        );
      }
      if (!(error instanceof DomainException) || error.status >= 500) throw error;
      const taken = error.code === ErrorCode.ALREADY_EXISTS;
      const field =
        taken || error.code === AuthErrorCode.EMAIL_CONFUSABLE
          ? 'email'
          : error instanceof InvalidInputError
            ? 'password'
            : 'form';
      const message = taken
        ? page.t('auth.register.emailTaken')
        : field === 'password'
          ? page.t('auth.register.weakPassword')
          : (page.errorSentence(error) ?? page.t('error.VALIDATION_FAILED'));
      return this.showRegister(page, formState(values, [{ field, message }]), error.status);
    }
  }

  /** Ends the page session (a POST with the CSRF token, so no other site can sign anyone out). */
  @Public()
  @Post('sign-out')
  signOut(@PageReply() reply: FastifyReply): void {
    const page = this.web.page(reply);
    this.web.endSession(reply);
    page.redirect('', 'auth.notice.signedOut');
  }

  private async showRegister(page: Page, form: ReturnType<typeof formState>, status = 200): Promise<void> {
    const faculties = await this.institutions.homeFaculties();
    page.render(<RegisterPage form={form} faculties={faculties} />, {
      title: page.t('auth.register.title'),
      status,
    });
  }
}
