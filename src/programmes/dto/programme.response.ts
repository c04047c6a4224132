import { ApiProperty } from '@nestjs/swagger';
import { CEFR_LEVELS, TERMS, type CefrLevel, type Term } from '../../common/domain.js';
import {
  toInstitutionSummary,
  type InstitutionSummary,
} from '../../institutions/dto/institution.response.js';
import { PROGRAMME_STATUSES, type Programme, type ProgrammeStatus } from '../programme.entity.js';

export class ProgrammeResponse {
  id: string;
  title: string;
  hostInstitutionId: string;
  /** Absent when the host was not loaded with the programme. */
  hostInstitution?: InstitutionSummary;
  agreementId: string | null;
  academicYear: string;
  @ApiProperty({ enum: TERMS })
  term: Term;
  @ApiProperty({ format: 'date' })
  startDate: string;
  @ApiProperty({ format: 'date' })
  endDate: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  places: number;
  /** Places held by approved applications. */
  placesTaken: number;
  placesLeft: number;
  /** Published and inside its application window now. */
  isOpen: boolean;
  eligibleFacultyIds: string[];
  languageOfInstruction: string | null;
  @ApiProperty({ enum: CEFR_LEVELS, nullable: true })
  minLanguageLevel: CefrLevel | null;
  description: string;
  @ApiProperty({ enum: PROGRAMME_STATUSES })
  status: ProgrammeStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** True when the programme takes applications at `now`: published, and opens <= now < closes. */
export function isProgrammeOpen(programme: Programme, now: Date = new Date()): boolean {
  return (
    programme.status === 'published' &&
    programme.applicationOpensAt.getTime() <= now.getTime() &&
    now.getTime() < programme.applicationClosesAt.getTime()
  );
}

export function toProgrammeResponse(programme: Programme, now: Date = new Date()): ProgrammeResponse {
  return {
    id: programme.id,
    title: programme.title,
    hostInstitutionId: programme.hostInstitutionId,
    ...(programme.hostInstitution
      ? { hostInstitution: toInstitutionSummary(programme.hostInstitution) }
      : {}),
    agreementId: programme.agreementId,
    academicYear: programme.academicYear,
    term: programme.term,
    startDate: programme.startDate,
    endDate: programme.endDate,
    applicationOpensAt: programme.applicationOpensAt,
    applicationClosesAt: programme.applicationClosesAt,
    places: programme.places,
    placesTaken: programme.placesTaken,
    placesLeft: programme.places - programme.placesTaken,
    isOpen: isProgrammeOpen(programme, now),
    eligibleFacultyIds: programme.eligibleFacultyIds,
    languageOfInstruction: programme.languageOfInstruction,
    minLanguageLevel: programme.minLanguageLevel,
    description: programme.description,
    status: programme.status,
    createdAt: programme.createdAt,
    updatedAt: programme.updatedAt,
  };
}
