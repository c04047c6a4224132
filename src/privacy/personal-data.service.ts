import { randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationEvent } from '../applications/application-event.entity.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { Application } from '../applications/application.entity.js';
import {
  toApplicationEventResponse,
  toApplicationResponse,
} from '../applications/dto/application.response.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainException, NotFoundError } from '../common/errors/domain.exception.js';
import { toUserResponse } from '../users/dto/user.response.js';
import { User } from '../users/user.entity.js';
import type { PersonalDataExport } from './dto/personal-data-export.response.js';
import { PrivacyErrorCode } from './privacy-error-codes.js';

/** The placeholder that replaces an erased person's free texts. */
export const ERASED_TEXT = '[erased]';

/** The comment on the event of each application an erasure withdraws. */
export const ERASURE_WITHDRAWAL = 'Withdrawn: the student’s personal data was erased';

@Injectable()
export class PersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
  ) {}

  /** Everything the portal holds about one person (the right of access). */
  async export(userId: string): Promise<PersonalDataExport> {
    const manager = this.dataSource.manager;
    const user = await manager.findOneBy(User, { id: userId });
    if (!user) throw new NotFoundError('User');
    const applications = await manager
      .createQueryBuilder(Application, 'application')
      .innerJoinAndSelect('application.student', 'student')
      .leftJoinAndSelect('application.choices', 'choice')
      .leftJoinAndSelect('choice.programme', 'programme')
      .where('application.student_id = :userId', { userId })
      .orderBy('application.created_at', 'ASC')
      .getMany();
    const events = applications.length
      ? await manager
          .createQueryBuilder(ApplicationEvent, 'event')
          .innerJoinAndSelect('event.actor', 'actor')
          .where('event.application_id IN (:...ids)', {
            ids: applications.map((application) => application.id),
          })
          .orderBy('event.id', 'ASC')
          .getMany()
      : [];
    const auditTrail = await manager
      .createQueryBuilder(AuditEntry, 'entry')
      .where('entry.actor_id = :userId OR entry.target_id = :userId', { userId })
      .orderBy('entry.at', 'ASC')
      .getMany();
    return {
      exportedAt: new Date(),
      profile: toUserResponse(user),
      applications: applications.map((application) => ({
        ...toApplicationResponse(application),
        events: events
          .filter((event) => event.applicationId === application.id)
          .map(toApplicationEventResponse),
      })),
      auditTrail: auditTrail.map(({ at, action, targetType, targetId, address }) => ({
        at,
        action,
        targetType,
        targetId,
        address,
      })),
    };
  }

  /**
   * Erases a person (the right to erasure): name, email and free texts are replaced, the account
   * can no longer sign in, their live applications are withdrawn (approved ones give their place
   * back, each with an event on its timeline), and the records statistics need (applications,
   * their statuses and dates, places) stay without personal data. One transaction; the account
   * row is locked, then each live application.
   */
  async erase(userId: string, admin: { id: string; address?: string }): Promise<User> {
    if (userId === admin.id) {
      throw new DomainException(
        PrivacyErrorCode.CANNOT_ERASE_SELF,
        'An admin cannot erase their own account',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query(`SELECT id, erased_at FROM users WHERE id = $1 FOR UPDATE`, [
        userId,
      ]);
      if (!user) throw new NotFoundError('User');
      if (user.erased_at) {
        throw new DomainException(
          PrivacyErrorCode.USER_ALREADY_ERASED,
          'This person has already been erased',
          HttpStatus.CONFLICT,
        );
      }
      await manager.query(
        `UPDATE users
            SET email = 'erased-' || id || '@erased.invalid', first_name = 'Erased', last_name = 'Person',
                student_number = NULL, password_hash = $2, active = false,
                token_version = token_version + 1, erased_at = now(), updated_at = now()
          WHERE id = $1`,
        // Not a scrypt hash: no password can ever match it.
        [userId, `erased$${randomBytes(16).toString('base64')}`],
      );
      await manager.query(
        `UPDATE applications
            SET motivation = NULL, language_skills = '[]', grade_average = NULL,
                decision_comment = CASE WHEN decision_comment IS NULL THEN NULL ELSE $2 END,
                updated_at = now()
          WHERE student_id = $1`,
        [userId, ERASED_TEXT],
      );
      await manager.query(
        `UPDATE application_events SET comment = $2
          WHERE comment IS NOT NULL AND application_id IN (SELECT id FROM applications WHERE student_id = $1)`,
        [userId, ERASED_TEXT],
      );
      // After the comments are scrubbed, so the withdrawal events keep saying why.
      const withdrawn = await this.applications.withdrawAllOf(manager, userId, admin.id, ERASURE_WITHDRAWAL);
      await manager.query(
        `UPDATE audit_log SET address = NULL, details = details - 'emailSha256' WHERE actor_id = $1 OR target_id = $1`,
        [userId],
      );
      await this.audit.record(
        {
          actorId: admin.id,
          action: 'user.erased',
          targetType: 'user',
          targetId: userId,
          address: admin.address,
          details: { applicationsWithdrawn: withdrawn },
        },
        manager,
      );
    });
    return (await this.dataSource.manager.findOneBy(User, { id: userId }))!;
  }
}
