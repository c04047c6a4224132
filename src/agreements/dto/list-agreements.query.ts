import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { IsAcademicYear } from '../../common/dto/fields.js';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../agreement.entity.js';

/** How a list of agreements is ordered: newest first (the default), or by last academic year, latest first. */
export const AGREEMENT_ORDERS = ['newest', 'lastAcademicYear'] as const;
export type AgreementOrder = (typeof AGREEMENT_ORDERS)[number];

export class ListAgreementsQuery extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  partnerInstitutionId?: string;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES, { message: `status must be one of ${AGREEMENT_STATUSES.join(', ')}` })
  status?: AgreementStatus;

  /** Agreements whose years cover this academic year, e.g. 2025/2026. */
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;

  /** `newest` (default) or `lastAcademicYear`: the agreements that run longest first. */
  @ApiPropertyOptional({ enum: AGREEMENT_ORDERS, default: 'newest' })
  @IsOptional()
  @IsIn(AGREEMENT_ORDERS, { message: `order must be one of ${AGREEMENT_ORDERS.join(', ')}` })
  order?: AgreementOrder;
}
