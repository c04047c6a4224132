import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationErrorCode } from '../applications/application-error-codes.js';
import { ApplicationEvent } from '../applications/application-event.entity.js';
import type { ApplicationStatus } from '../applications/application-state.js';
import { Application } from '../applications/application.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { stepColumns } from '../common/entities/workflow-event.entity.js';
import { DomainException, NotFoundError } from '../common/errors/domain.exception.js';
import { ApplicationAssessment } from './application-assessment.entity.js';
import type { AssessmentDto } from './dto/assessment.dto.js';
import { type AssessmentResponse } from './dto/selection-round.response.js';
import { SelectionRoundErrorCode } from './selection-round-error-codes.js';
import { MOTIVATION_RATING_MAX, RATEABLE_STATUSES } from './selection-round-state.js';

export function toAssessmentResponse(assessment: ApplicationAssessment): AssessmentResponse {
  return {
    applicationId: assessment.applicationId,
    motivationRating: assessment.motivationRating,
    note: assessment.note,
    assessedById: assessment.assessedById,
    assessedAt: assessment.assessedAt,
  };
}

/**
 * Motivation ratings, the staff's part of a round's score. A rating locks its application row, so
 * it waits for (or makes stale) a round's commit running over it; it is on the timeline (without
 * the note, which only staff read) and in the audit trail.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async assess(actor: AuthUser, id: string, dto: AssessmentDto): Promise<AssessmentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const application = await manager
        .getRepository(Application)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.id = :id AND a.submitted_at IS NOT NULL', { id })
        .getOne();
      if (!application) throw new NotFoundError('Application');
      if (application.studentId === actor.id) {
        throw new DomainException(
          ApplicationErrorCode.OWN_APPLICATION,
          'Nobody may rate an application they are the student of',
          HttpStatus.FORBIDDEN,
        );
      }
      if (!(RATEABLE_STATUSES as readonly string[]).includes(application.status)) {
        throw new DomainException(
          SelectionRoundErrorCode.ASSESSMENT_CLOSED,
          `Only a submitted, waitlisted or approved application can be rated; this one is ${application.status}`,
          HttpStatus.CONFLICT,
          { status: application.status },
        );
      }
      const now = new Date();
      const assessment: ApplicationAssessment = {
        applicationId: id,
        motivationRating: dto.motivationRating,
        note: dto.note ? dto.note : null,
        assessedById: actor.id,
        assessedAt: now,
      };
      await manager.upsert(ApplicationAssessment, assessment, ['applicationId']);
      await manager.insert(ApplicationEvent, {
        applicationId: id,
        programmeId: null,
        ...stepColumns<ApplicationStatus>({
          actorId: actor.id,
          from: application.status,
          to: application.status,
          comment: `Motivation rated ${dto.motivationRating}/${MOTIVATION_RATING_MAX}`,
          at: now,
        }),
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'application.assessed',
          targetType: 'application',
          targetId: id,
          details: { motivationRating: dto.motivationRating },
        },
        manager,
      );
      return toAssessmentResponse(assessment);
    });
  }

  /** The ratings of a person's applications, for their personal-data export (notes included). */
  async exportFor(studentId: string): Promise<AssessmentResponse[]> {
    const rows = await this.dataSource
      .getRepository(ApplicationAssessment)
      .createQueryBuilder('r')
      .innerJoin('r.application', 'a')
      .where('a.student_id = :studentId', { studentId })
      .orderBy('r.assessed_at', 'ASC')
      .addOrderBy('r.application_id', 'ASC')
      .getMany();
    return rows.map(toAssessmentResponse);
  }

  /**
   * Replaces the notes on a person's applications by `placeholder`, on the caller's transaction
   * (the right to erasure); the ratings stay, as the rounds' scores do.
   */
  async eraseNotesOf(manager: EntityManager, studentId: string, placeholder: string): Promise<void> {
    await manager.query(
      `UPDATE application_assessments SET note = $2
        WHERE note IS NOT NULL AND application_id IN (SELECT id FROM applications WHERE student_id = $1)`,
      [studentId, placeholder],
    );
  }

  /** The rating of an application, for staff; null when there is none. */
  async find(id: string): Promise<AssessmentResponse | null> {
    const found = await this.dataSource
      .getRepository(ApplicationAssessment)
      .findOne({ where: { applicationId: id } });
    return found ? toAssessmentResponse(found) : null;
  }
}
