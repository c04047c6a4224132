import { ApiProperty } from '@nestjs/swagger';
import { CEFR_LEVELS, TERMS, type CefrLevel, type Term } from '../../common/domain.js';
import type { Faculty } from '../../institutions/faculty.entity.js';
import type { Institution } from '../../institutions/institution.entity.js';
import type { OutgoingEvent } from '../outgoing-event.entity.js';
import type { OutgoingMobility } from '../outgoing-mobility.entity.js';
import {
  ewpTermId,
  nextStatuses,
  EQF_LEVELS,
  OUTGOING_STATUSES,
  VERIFICATION_STATUSES,
  type OutgoingStatus,
  type VerificationStatus,
} from '../outgoing-state.js';

/** An institution as a mobility names it (EWP's HEI: its SCHAC code). */
export class OutgoingInstitutionSummary {
  id: string;
  name: string;
  schacCode: string;
  erasmusCode: string | null;
}

/** A faculty as a mobility names it (EWP's organisational unit). */
export class OutgoingFacultySummary {
  id: string;
  name: string;
  code: string;
}

/** The student as the nomination names them. */
export class OutgoingStudentResponse {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** European Student Identifier (EWP `global-id`). */
  globalId: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  birthDate: string | null;
  /** ISO 3166-1 alpha-2. */
  @ApiProperty({ type: String, nullable: true })
  citizenship: string | null;
}

/** The receiving institution's answer to the nomination. */
export class OutgoingVerificationResponse {
  @ApiProperty({ enum: VERIFICATION_STATUSES })
  status: VerificationStatus;
  /** The reason of a rejection, or a remark. */
  @ApiProperty({ type: String, nullable: true })
  comment: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  at: Date | null;
}

export class OutgoingResponse {
  id: string;
  applicationId: string;
  programmeId: string;
  programmeTitle: string;
  @ApiProperty({ enum: OUTGOING_STATUSES })
  status: OutgoingStatus;
  /** The statuses a transition may move it to now. */
  @ApiProperty({ enum: OUTGOING_STATUSES, isArray: true })
  allowedTransitions: OutgoingStatus[];
  verification: OutgoingVerificationResponse;
  sendingInstitution: OutgoingInstitutionSummary;
  @ApiProperty({ type: OutgoingFacultySummary, nullable: true })
  sendingFaculty: OutgoingFacultySummary | null;
  receivingInstitution: OutgoingInstitutionSummary;
  @ApiProperty({ type: OutgoingFacultySummary, nullable: true })
  receivingFaculty: OutgoingFacultySummary | null;
  @ApiProperty({ type: String, nullable: true })
  agreementId: string | null;
  student: OutgoingStudentResponse;
  academicYear: string;
  @ApiProperty({ enum: TERMS })
  term: Term;
  /** EWP's term id: `2025/2026-2/2` is the spring term. */
  ewpTermId: string;
  @ApiProperty({ format: 'date' })
  plannedArrival: string;
  @ApiProperty({ format: 'date' })
  plannedDeparture: string;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  actualArrival: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  actualDeparture: string | null;
  /** 6 bachelor, 7 master, 8 doctorate. */
  @ApiProperty({ type: Number, enum: EQF_LEVELS, nullable: true })
  eqfLevel: number | null;
  /** ISCED-F 2013 code. */
  @ApiProperty({ type: String, nullable: true })
  subjectArea: string | null;
  /** Language of instruction (ISO 639-1). */
  @ApiProperty({ type: String, nullable: true })
  language: string | null;
  @ApiProperty({ enum: CEFR_LEVELS, nullable: true })
  cefrLevel: CefrLevel | null;
  createdAt: Date;
  updatedAt: Date;
}

const institution = (row: Institution): OutgoingInstitutionSummary => ({
  id: row.id,
  name: row.name,
  schacCode: row.schacCode,
  erasmusCode: row.erasmusCode,
});
const faculty = (row: Faculty | null | undefined): OutgoingFacultySummary | null =>
  row ? { id: row.id, name: row.name, code: row.code } : null;

/** Maps a mobility loaded with its institutions, faculties and programme. */
export function toOutgoingResponse(mobility: OutgoingMobility): OutgoingResponse {
  return {
    id: mobility.id,
    applicationId: mobility.applicationId,
    programmeId: mobility.programmeId,
    programmeTitle: mobility.programme?.title ?? '',
    status: mobility.status,
    allowedTransitions: [...nextStatuses(mobility.status)],
    verification: {
      status: mobility.verificationStatus,
      comment: mobility.verificationComment,
      at: mobility.verifiedAt,
    },
    sendingInstitution: institution(mobility.sendingInstitution!),
    sendingFaculty: faculty(mobility.sendingFaculty),
    receivingInstitution: institution(mobility.receivingInstitution!),
    receivingFaculty: faculty(mobility.receivingFaculty),
    agreementId: mobility.agreementId,
    student: {
      id: mobility.studentId,
      firstName: mobility.firstName,
      lastName: mobility.lastName,
      email: mobility.email,
      globalId: mobility.globalId,
      birthDate: mobility.birthDate,
      citizenship: mobility.citizenship,
    },
    academicYear: mobility.academicYear,
    term: mobility.term,
    ewpTermId: ewpTermId(mobility.academicYear, mobility.term),
    plannedArrival: mobility.plannedArrival,
    plannedDeparture: mobility.plannedDeparture,
    actualArrival: mobility.actualArrival,
    actualDeparture: mobility.actualDeparture,
    eqfLevel: mobility.eqfLevel,
    subjectArea: mobility.subjectArea,
    language: mobility.language,
    cefrLevel: mobility.cefrLevel,
    createdAt: mobility.createdAt,
    updatedAt: mobility.updatedAt,
  };
}

export class OutgoingActorSummary {
  id: string;
  firstName: string;
  lastName: string;
}

/** One step of an outgoing mobility's history. */
export class OutgoingEventResponse {
  id: string;
  actor: OutgoingActorSummary;
  /** null for the confirmation that created it */
  @ApiProperty({ enum: OUTGOING_STATUSES, nullable: true })
  fromStatus: OutgoingStatus | null;
  @ApiProperty({ enum: OUTGOING_STATUSES })
  toStatus: OutgoingStatus;
  /** The receiving side's answer this step records (the status unchanged); null otherwise. */
  @ApiProperty({ enum: VERIFICATION_STATUSES, nullable: true })
  verification: VerificationStatus | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  date: string | null;
  @ApiProperty({ type: String, nullable: true })
  comment: string | null;
  at: Date;
}

export function toOutgoingEventResponse(event: OutgoingEvent): OutgoingEventResponse {
  const actor = event.actor!;
  return {
    id: event.id,
    actor: { id: actor.id, firstName: actor.firstName, lastName: actor.lastName },
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    verification: event.verification,
    date: event.date,
    comment: event.comment,
    at: event.at,
  };
}
