import { ApiProperty } from '@nestjs/swagger';
import { TERMS, type Term } from '../../common/domain.js';
import type { IncomingEvent } from '../incoming-event.entity.js';
import type { IncomingMobility } from '../incoming-mobility.entity.js';
import { nextStatuses, INCOMING_STATUSES, type IncomingStatus } from '../incoming-state.js';

/** The home institution as a mobility shows it. */
export class IncomingInstitutionSummary {
  id: string;
  name: string;
  schacCode: string;
}

/** The host faculty as a mobility shows it. */
export class IncomingFacultySummary {
  id: string;
  name: string;
  code: string;
}

export class IncomingResponse {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  homeInstitutionId: string;
  homeInstitution: IncomingInstitutionSummary | null;
  hostFacultyId: string;
  hostFaculty: IncomingFacultySummary | null;
  agreementId: string | null;
  academicYear: string;
  @ApiProperty({ enum: TERMS })
  term: Term;
  @ApiProperty({ format: 'date' })
  plannedArrival: string;
  @ApiProperty({ format: 'date' })
  plannedDeparture: string;
  @ApiProperty({ format: 'date', nullable: true })
  actualArrival: string | null;
  @ApiProperty({ format: 'date', nullable: true })
  actualDeparture: string | null;
  @ApiProperty({ enum: INCOMING_STATUSES })
  status: IncomingStatus;
  /** The statuses a transition may move it to now. */
  @ApiProperty({ enum: INCOMING_STATUSES, isArray: true })
  allowedTransitions: IncomingStatus[];
  notes: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toIncomingResponse(mobility: IncomingMobility): IncomingResponse {
  const institution = mobility.homeInstitution;
  const faculty = mobility.hostFaculty;
  return {
    id: mobility.id,
    firstName: mobility.firstName,
    lastName: mobility.lastName,
    email: mobility.email,
    homeInstitutionId: mobility.homeInstitutionId,
    homeInstitution: institution
      ? { id: institution.id, name: institution.name, schacCode: institution.schacCode }
      : null,
    hostFacultyId: mobility.hostFacultyId,
    hostFaculty: faculty ? { id: faculty.id, name: faculty.name, code: faculty.code } : null,
    agreementId: mobility.agreementId,
    academicYear: mobility.academicYear,
    term: mobility.term,
    plannedArrival: mobility.plannedArrival,
    plannedDeparture: mobility.plannedDeparture,
    actualArrival: mobility.actualArrival,
    actualDeparture: mobility.actualDeparture,
    status: mobility.status,
    allowedTransitions: [...nextStatuses(mobility.status)],
    notes: mobility.notes,
    createdAt: mobility.createdAt,
    updatedAt: mobility.updatedAt,
  };
}

export class IncomingActorSummary {
  id: string;
  firstName: string;
  lastName: string;
}

/** One step of a mobility's history. */
export class IncomingEventResponse {
  id: string;
  mobilityId: string;
  actorId: string;
  actor: IncomingActorSummary | null;
  /** null for the nomination itself */
  @ApiProperty({ enum: INCOMING_STATUSES, nullable: true })
  fromStatus: IncomingStatus | null;
  @ApiProperty({ enum: INCOMING_STATUSES })
  toStatus: IncomingStatus;
  /** The actual arrival or departure date recorded. */
  @ApiProperty({ format: 'date', nullable: true })
  date: string | null;
  comment: string | null;
  at: Date;
}

export function toIncomingEventResponse(event: IncomingEvent): IncomingEventResponse {
  const actor = event.actor;
  return {
    id: event.id,
    mobilityId: event.mobilityId,
    actorId: event.actorId,
    actor: actor ? { id: actor.id, firstName: actor.firstName, lastName: actor.lastName } : null,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    date: event.date,
    comment: event.comment,
    at: event.at,
  };
}
