import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { Trimmed } from '../../common/dto/fields.js';

export const VERIFICATION_OUTCOMES = ['verified', 'rejected'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/** The receiving institution's answer to a nomination. */
export class VerifyOutgoingDto {
  @ApiProperty({ enum: VERIFICATION_OUTCOMES })
  @IsIn(VERIFICATION_OUTCOMES)
  outcome: VerificationOutcome;

  /** Required to reject (the reason); a remark otherwise. */
  @Trimmed()
  @ValidateIf((dto: VerifyOutgoingDto) => dto.outcome === 'rejected' || dto.comment !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'comment is required (a rejection states its reason)' })
  @MaxLength(2000)
  comment?: string;

  /** Verify only: the receiving institution's faculty that will host the student. */
  @IsOptional()
  @IsUUID()
  receivingFacultyId?: string;
}
