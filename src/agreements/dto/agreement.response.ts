import { ApiProperty } from '@nestjs/swagger';
import { CEFR_LEVELS, type CefrLevel } from '../../common/domain.js';
import {
  toInstitutionSummary,
  type InstitutionSummary,
} from '../../institutions/dto/institution.response.js';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type Agreement,
  type AgreementKind,
  type AgreementStatus,
} from '../agreement.entity.js';

export class LanguageRequirementResponse {
  language: string;
  @ApiProperty({ enum: CEFR_LEVELS })
  cefrLevel: CefrLevel;
}

export class AgreementResponse {
  id: string;
  partnerInstitutionId: string;
  /** Absent when the partner was not loaded with the agreement. */
  partnerInstitution?: InstitutionSummary;
  facultyId: string | null;
  @ApiProperty({ enum: AGREEMENT_KINDS })
  kind: AgreementKind;
  subjectAreas: string[];
  languageRequirement: LanguageRequirementResponse | null;
  outgoingPlacesPerYear: number;
  incomingPlacesPerYear: number;
  monthsPerMobility: number;
  firstAcademicYear: string;
  lastAcademicYear: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES })
  status: AgreementStatus;
  createdAt: Date;
  updatedAt: Date;
}

export function toAgreementResponse(agreement: Agreement): AgreementResponse {
  return {
    id: agreement.id,
    partnerInstitutionId: agreement.partnerInstitutionId,
    ...(agreement.partnerInstitution
      ? { partnerInstitution: toInstitutionSummary(agreement.partnerInstitution) }
      : {}),
    facultyId: agreement.facultyId,
    kind: agreement.kind,
    subjectAreas: agreement.subjectAreas,
    languageRequirement:
      agreement.languageCode && agreement.languageCefrLevel
        ? { language: agreement.languageCode, cefrLevel: agreement.languageCefrLevel }
        : null,
    outgoingPlacesPerYear: agreement.outgoingPlacesPerYear,
    incomingPlacesPerYear: agreement.incomingPlacesPerYear,
    monthsPerMobility: agreement.monthsPerMobility,
    firstAcademicYear: agreement.firstAcademicYear,
    lastAcademicYear: agreement.lastAcademicYear,
    status: agreement.status,
    createdAt: agreement.createdAt,
    updatedAt: agreement.updatedAt,
  };
}
