import { ApiProperty } from '@nestjs/swagger';
import { CEFR_LEVELS, TERMS, type CefrLevel, type Term } from '../../common/domain.js';
import {
  ApplicationSelectionResponse,
  AssessmentResponse,
} from '../../selection-rounds/dto/selection-round.response.js';
import { ROLES, type Role } from '../../users/role.js';
import type { ApplicationEvent } from '../application-event.entity.js';
import {
  APPLICATION_STATUSES,
  confirmationDeadlineOf,
  type ApplicationStatus,
} from '../application-state.js';

/** The statuses that had an approved place to answer. */
const holdsOrAnswered = (status: ApplicationStatus) =>
  status === 'approved' || status === 'confirmed' || status === 'declined';
import type { Application } from '../application.entity.js';
import { LANGUAGE_SKILL_STATUSES, type LanguageSkillStatus } from '../language-skills.js';

export class ApplicationStudentResponse {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

export class ApplicationChoiceResponse {
  /** 1 is the first wish. */
  rank: number;
  programmeId: string;
  title: string;
  hostInstitutionId: string;
}

export class LanguageSkillResponse {
  language: string;
  /** The current level: as declared, or as an advisor verified it. */
  @ApiProperty({ enum: CEFR_LEVELS })
  cefrLevel: CefrLevel;
  /** `declared` by the student, or `verified` by an advisor. */
  @ApiProperty({ enum: LANGUAGE_SKILL_STATUSES })
  status: LanguageSkillStatus;
  /** The level the student declared. */
  @ApiProperty({ enum: CEFR_LEVELS })
  declaredLevel: CefrLevel;
  /** The advisor who verified it; null while declared. */
  @ApiProperty({ type: String, nullable: true })
  verifiedById: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt: string | null;
}

export class ApplicationResponse {
  id: string;
  student: ApplicationStudentResponse;
  academicYear: string;
  @ApiProperty({ enum: TERMS })
  term: Term;
  /** Ranked, first wish first. */
  choices: ApplicationChoiceResponse[];
  motivation: string | null;
  gradeAverage: number | null;
  languageSkills: LanguageSkillResponse[];
  @ApiProperty({ enum: APPLICATION_STATUSES })
  status: ApplicationStatus;
  /** Set while approved: the programme holding the student's place. */
  placedProgrammeId: string | null;
  decisionComment: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  withdrawnAt: Date | null;
  /**
   * Once approved: the student confirms or declines the place before this instant (set by the
   * advisor, or 7 days after the decision). Null before approval.
   */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmationDeadline: Date | null;
  confirmedAt: Date | null;
  declinedAt: Date | null;
  /** Send it back with a PATCH; it changes with every change. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** One application only (not lists), staff only: the motivation rating; null while unrated. */
  @ApiProperty({ type: () => AssessmentResponse, nullable: true, required: false })
  assessment?: AssessmentResponse | null;
  /**
   * One application only (not lists): what the last committed selection round gave it (score,
   * rank, outcome, and why not each better choice); null before any commit.
   */
  @ApiProperty({ type: () => ApplicationSelectionResponse, nullable: true, required: false })
  selection?: ApplicationSelectionResponse | null;
}

/** Maps an application loaded with its student and its choices' programmes. */
export function toApplicationResponse(application: Application): ApplicationResponse {
  const student = application.student!;
  return {
    id: application.id,
    student: {
      id: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      email: student.email,
    },
    academicYear: application.academicYear,
    term: application.term,
    choices: [...(application.choices ?? [])]
      .sort((a, b) => a.rank - b.rank)
      .map((choice) => ({
        rank: choice.rank,
        programmeId: choice.programmeId,
        title: choice.programme!.title,
        hostInstitutionId: choice.programme!.hostInstitutionId,
      })),
    motivation: application.motivation,
    gradeAverage: application.gradeAverage,
    // A skill written without a status (before verification existed) was declared.
    languageSkills: application.languageSkills.map((skill) => ({
      language: skill.language,
      cefrLevel: skill.cefrLevel,
      status: skill.status ?? 'declared',
      declaredLevel: skill.declaredLevel ?? skill.cefrLevel,
      verifiedById: skill.verifiedById ?? null,
      verifiedAt: skill.verifiedAt ?? null,
    })),
    status: application.status,
    placedProgrammeId: application.placedProgrammeId,
    decisionComment: application.decisionComment,
    submittedAt: application.submittedAt,
    decidedAt: application.decidedAt,
    withdrawnAt: application.withdrawnAt,
    confirmationDeadline:
      application.decidedAt && holdsOrAnswered(application.status)
        ? confirmationDeadlineOf(application)
        : null,
    confirmedAt: application.confirmedAt,
    declinedAt: application.declinedAt,
    version: application.version,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}

export class EventActorResponse {
  id: string;
  firstName: string;
  lastName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
}

export class ApplicationEventResponse {
  id: string;
  actor: EventActorResponse;
  /** Null for the creation of the draft. */
  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true })
  fromStatus: ApplicationStatus | null;
  @ApiProperty({ enum: APPLICATION_STATUSES })
  toStatus: ApplicationStatus;
  comment: string | null;
  /** The programme whose place this step took or freed. */
  programmeId: string | null;
  at: Date;
}

/** Maps an event loaded with its actor (names and role only: never an email or a hash). */
export function toApplicationEventResponse(event: ApplicationEvent): ApplicationEventResponse {
  const actor = event.actor!;
  return {
    id: event.id,
    actor: { id: actor.id, firstName: actor.firstName, lastName: actor.lastName, role: actor.role },
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    comment: event.comment,
    programmeId: event.programmeId,
    at: event.at,
  };
}
