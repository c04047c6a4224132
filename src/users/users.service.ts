import { randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { DomainException, InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import { Institution } from '../institutions/institution.entity.js';
import { ErrorCode } from '../common/errors/error-codes.js';
import { applyKeyset, toPage, type Page } from '../common/pagination/pagination.js';
import { whereContainsText } from '../common/search.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthErrorCode } from '../auth/auth-error-codes.js';
import { normaliseEmail } from './email-address.js';
import type { Locale } from '../common/domain.js';
import type { Environment } from '../config/environment.js';
import { PasswordService } from './password.service.js';
import type { ListUsersQuery } from './dto/list-users.query.js';
import type { StudentProfileDto } from './dto/student-profile.dto.js';
import { toUserResponse, type UserResponse } from './dto/user.response.js';
import type { Role } from './role.js';
import { User } from './user.entity.js';
import { UserErrorCode } from './user-error-codes.js';

export interface NewUser extends StudentProfileDto {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  role: Role;
  /** Unset: DEFAULT_LOCALE. */
  preferredLocale?: Locale;
  /** A partner's institution (required for, and only for, the partner role). */
  institutionId?: string;
}

export interface UserChanges extends Omit<StudentProfileDto, 'homeFacultyId'> {
  /** null clears it (staff only, once set). */
  homeFacultyId?: string | null;
  firstName?: string;
  lastName?: string;
  role?: Role;
  active?: boolean;
  preferredLocale?: Locale;
  /** A partner's institution (only with the partner role). */
  institutionId?: string;
}

export interface AuditActor {
  id: string;
  address?: string;
}

const STUDENT_FIELDS = ['studentNumber', 'homeFacultyId', 'studyLevel', 'studyYear'] as const;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * Creates an account (registration and admin-created users). The email is normalised (NFKC,
   * lower case); an exact duplicate is a 409 ALREADY_EXISTS, a lookalike of an existing address (the
   * same skeleton, see the AddUserEmailSkeleton migration) a 409 EMAIL_CONFUSABLE. `owner` is the
   * client address the password hashing is done for.
   */
  async create(input: NewUser, owner?: string): Promise<UserResponse> {
    const email = normaliseEmail(input.email);
    this.passwords.assertAcceptable(input.password, email);
    // Refused before hashing when the clash is already there (the insert below still decides races).
    const known = await this.clashWith(email);
    if (known) throw known;
    const institutionId = await this.partnerInstitution(this.users.manager, input.role, input.institutionId);
    const passwordHash = await this.passwords.hash(input.password, owner);
    const user = this.users.create({
      email,
      passwordHash,
      firstName: input.firstName,
      lastName: input.lastName,
      role: input.role,
      institutionId,
      preferredLocale: input.preferredLocale ?? this.config.get('DEFAULT_LOCALE', { infer: true }),
      ...(input.role === 'student' ? this.studentFields(input) : {}),
    });
    // The unique indexes decide (the email, and its skeleton), so two registrations racing for one
    // address, or for two lookalike addresses, cannot both win.
    const inserted = await this.users
      .createQueryBuilder()
      .insert()
      .values(user)
      .orIgnore()
      .returning('*')
      .execute();
    if (inserted.identifiers.length === 0 || !inserted.generatedMaps[0]?.id) {
      throw (
        (await this.clashWith(email)) ??
        new DomainException(ErrorCode.ALREADY_EXISTS, 'An account with this email already exists')
      );
    }
    return this.get(inserted.generatedMaps[0].id as string);
  }

  /**
   * The institution a `role` account is bound to: a partner needs one, a partner institution (not
   * the home one) that exists; any other role has none. 400 naming institutionId otherwise.
   */
  private async partnerInstitution(
    manager: EntityManager,
    role: Role,
    institutionId: string | undefined,
    check = true,
  ): Promise<string | null> {
    if (role !== 'partner') {
      if (institutionId !== undefined) {
        throw new InvalidInputError('institutionId goes only with the partner role', ['institutionId']);
      }
      return null;
    }
    if (institutionId === undefined) {
      throw new InvalidInputError(
        'institutionId is required for a partner (the institution they coordinate for)',
        ['institutionId'],
      );
    }
    if (check && !(await manager.existsBy(Institution, { id: institutionId, isHome: false }))) {
      throw new InvalidInputError('institutionId must be a partner institution (not the home one)', [
        'institutionId',
      ]);
    }
    return institutionId;
  }

  async get(id: string): Promise<UserResponse> {
    return toUserResponse(await this.getById(id));
  }

  async getById(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** Used by the guard on every authenticated request: one primary-key lookup. */
  findActiveById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id, active: true });
  }

  findByEmailWithPassword(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  async list(query: ListUsersQuery): Promise<Page<UserResponse>> {
    const builder = this.users.createQueryBuilder('user');
    if (query.role) builder.andWhere('user.role = :role', { role: query.role });
    if (query.active !== undefined) builder.andWhere('user.active = :active', { active: query.active });
    whereContainsText(builder, ['user.email', "user.first_name || ' ' || user.last_name"], query.q);
    applyKeyset(builder, { columns: ['user.created_at', 'user.id'], direction: 'DESC' }, query);
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (user) => [user.createdAt.toISOString(), user.id], toUserResponse);
  }

  /**
   * Changes names, role, activation or student fields; deactivation ends the user's tokens.
   * Role, activation and home-faculty changes are audited with the actor who made them. The
   * account row is locked first, so the audited `from` is the value the change replaced, even
   * under concurrency. `actor` is staff, or `'self'` for the user's own change (PATCH /auth/me):
   * their home faculty, which eligibility rests on, may then be set once but not changed.
   */
  async update(id: string, changes: UserChanges, actor: AuditActor | 'self'): Promise<UserResponse> {
    await this.users.manager.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User');
      const facultyChanges =
        changes.homeFacultyId !== undefined && changes.homeFacultyId !== user.homeFacultyId;
      if (actor === 'self' && facultyChanges && user.homeFacultyId !== null) {
        const message =
          'homeFacultyId is set once by the student; eligibility rests on it, so only staff may change it now';
        throw new DomainException(UserErrorCode.HOME_FACULTY_LOCKED, message, HttpStatus.CONFLICT, {
          fields: [{ field: 'homeFacultyId', problems: [message] }],
        });
      }
      const role = changes.role ?? user.role;
      // A partner keeps (or is given) one institution; leaving the role drops it.
      const institutionId = await this.partnerInstitution(
        manager,
        role,
        changes.institutionId ?? (role === 'partner' ? (user.institutionId ?? undefined) : undefined),
        changes.institutionId !== undefined || changes.role !== undefined,
      );
      const patch: QueryDeepPartialEntity<User> = {
        ...(institutionId !== user.institutionId ? { institutionId } : {}),
        ...(changes.firstName !== undefined ? { firstName: changes.firstName } : {}),
        ...(changes.lastName !== undefined ? { lastName: changes.lastName } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        ...(changes.preferredLocale !== undefined ? { preferredLocale: changes.preferredLocale } : {}),
        ...(role === 'student' ? this.studentFields(changes) : {}),
      };
      if (changes.active === false && user.active) patch.tokenVersion = () => 'token_version + 1';
      if (Object.keys(patch).length > 0) {
        await manager
          .createQueryBuilder(User, 'user')
          .update()
          .set(patch)
          .where('id = :id', { id })
          .execute();
        const audited = {
          actorId: actor === 'self' ? id : actor.id,
          targetType: 'user',
          targetId: id,
          address: actor === 'self' ? undefined : actor.address,
        };
        if (changes.role !== undefined && changes.role !== user.role) {
          await this.audit.record(
            { ...audited, action: 'user.role.changed', details: { from: user.role, to: changes.role } },
            manager,
          );
        }
        if (facultyChanges && role === 'student') {
          await this.audit.record(
            {
              ...audited,
              action: 'user.home-faculty.changed',
              details: { from: user.homeFacultyId, to: changes.homeFacultyId },
            },
            manager,
          );
        }
        if (changes.active !== undefined && changes.active !== user.active) {
          await this.audit.record(
            { ...audited, action: changes.active ? 'user.activated' : 'user.deactivated' },
            manager,
          );
        }
      }
    });
    return this.get(id);
  }

  /**
   * Anonymises an account on the caller's transaction (the right to erasure): name and email
   * replaced, no password can match, signed out everywhere, `erasedAt` set. Locks the row first;
   * 404 when there is none, false (and nothing written) when it was already erased.
   */
  async erase(manager: EntityManager, id: string): Promise<boolean> {
    const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError('User');
    if (user.erasedAt) return false;
    await manager.query(
      `UPDATE users
          SET email = 'erased-' || id || '@erased.invalid', first_name = 'Erased', last_name = 'Person',
              student_number = NULL, password_hash = $2, active = false,
              token_version = token_version + 1, erased_at = now(), updated_at = now()
        WHERE id = $1`,
      // Not a scrypt hash: no password can ever match it.
      [id, `erased$${randomBytes(16).toString('base64')}`],
    );
    return true;
  }

  /** Stores a new password and ends every token issued before. */
  async changePassword(id: string, newPassword: string, owner?: string): Promise<void> {
    const user = await this.getById(id);
    this.passwords.assertAcceptable(newPassword, user.email, 'newPassword');
    const passwordHash = await this.passwords.hash(newPassword, owner);
    await this.users
      .createQueryBuilder()
      .update()
      .set({ passwordHash, tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** An account with this address (409 ALREADY_EXISTS) or one that looks like it (EMAIL_CONFUSABLE). */
  private async clashWith(email: string): Promise<DomainException | undefined> {
    const [clash] = (await this.users.query(
      `SELECT email = $1 AS same FROM users
        WHERE email = $1 OR email_skeleton = users_email_skeleton($1)
        ORDER BY same DESC LIMIT 1`,
      [email],
    )) as Array<{ same: boolean }>;
    if (!clash) return undefined;
    if (!clash.same) {
      const message = 'This email looks like the address of an existing account; use another';
      return new DomainException(AuthErrorCode.EMAIL_CONFUSABLE, message, HttpStatus.CONFLICT, {
        fields: [{ field: 'email', problems: [message] }],
      });
    }
    return new DomainException(ErrorCode.ALREADY_EXISTS, 'An account with this email already exists');
  }

  private studentFields(input: UserChanges): Partial<User> {
    return Object.fromEntries(
      STUDENT_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]),
    );
  }
}
