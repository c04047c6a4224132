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
import { LearningAgreementsService } from '../learning-agreements/learning-agreements.service.js';
import { OutgoingService } from '../outgoing/outgoing.service.js';
import { AssessmentsService } from '../selection-rounds/assessments.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { toUserResponse, type UserResponse } from '../users/dto/user.response.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { PersonalDataExport } from './dto/personal-data-export.response.js';
import { PrivacyErrorCode } from './privacy-error-codes.js';

/** The placeholder that replaces an erased person's free texts. */
export const ERASED_TEXT = '[erased]';

/** The comment on the event of each application an erasure withdraws. */
export const ERASURE_WITHDRAWAL = 'Withdrawn: the student’s personal data was erased';
export const ERASURE_CANCELLATION = 'Cancelled: the student’s personal data was erased';

@Injectable()
export class PersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly outgoing: OutgoingService,
    private readonly assessments: AssessmentsService,
    private readonly learningAgreements: LearningAgreementsService,
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
    const notifications = await this.notifications.exportFor(userId);
    const assessments = await this.assessments.exportFor(userId);
    const outgoingMobilities = await this.outgoing.exportFor(userId);
    const learningAgreements = await this.learningAgreements.exportFor(userId);
    return {
      exportedAt: new Date(),
      profile: toUserResponse(user),
      applications: applications.map((application) => ({
        ...toApplicationResponse(application),
        events: events
          .filter((event) => event.applicationId === application.id)
          .map(toApplicationEventResponse),
        assessment: assessments.find((assessment) => assessment.applicationId === application.id) ?? null,
      })),
      outgoingMobilities,
      learningAgreements,
      auditTrail: auditTrail.map(({ at, action, targetType, targetId, address }) => ({
        at,
        action,
        targetType,
        targetId,
        address,
      })),
      notifications,
    };
  }

  /**
   * Erases a person (the right to erasure): name, email and free texts are replaced, the account
   * can no longer sign in, their live applications are withdrawn (approved ones give their place
   * back, each with an event on its timeline), and the records statistics need (applications,
   * their statuses and dates, places) stay without personal data. One transaction; the account
   * row is locked, then each live application.
   */
  async erase(userId: string, admin: { id: string; address?: string }): Promise<UserResponse> {
    if (userId === admin.id) {
      throw new DomainException(
        PrivacyErrorCode.CANNOT_ERASE_SELF,
        'An admin cannot erase their own account',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.users.erase(manager, userId))) {
        throw new DomainException(
          PrivacyErrorCode.USER_ALREADY_ERASED,
          'This person has already been erased',
          HttpStatus.CONFLICT,
        );
      }
      await this.applications.eraseStudentTexts(manager, userId, ERASED_TEXT);
      await this.assessments.eraseNotesOf(manager, userId, ERASED_TEXT);
      const mobilitiesErased = await this.outgoing.eraseStudent(manager, userId, ERASED_TEXT);
      const signaturesErased = await this.learningAgreements.eraseSigner(manager, userId);
      // A nomination the host has yet to take up is cancelled (its event says why, unscrubbed).
      const mobilitiesCancelled = await this.outgoing.cancelNominationsOf(
        manager,
        userId,
        admin,
        ERASURE_CANCELLATION,
      );
      // After the comments are scrubbed, so the withdrawal events keep saying why.
      const withdrawn = await this.applications.withdrawAllOf(manager, userId, admin.id, ERASURE_WITHDRAWAL);
      // Their notifications go, with the e-mails not yet sent (after the withdrawals, which notify nobody).
      const notificationsRemoved = await this.notifications.eraseFor(manager, userId);
      await this.audit.forget(manager, userId);
      await this.audit.record(
        {
          actorId: admin.id,
          action: 'user.erased',
          targetType: 'user',
          targetId: userId,
          address: admin.address,
          details: {
            applicationsWithdrawn: withdrawn,
            notificationsRemoved,
            mobilitiesErased,
            mobilitiesCancelled,
            signaturesErased,
          },
        },
        manager,
      );
    });
    return this.users.get(userId);
  }
}
