import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate, Trimmed, UpperCased } from '../../common/dto/fields.js';
import { COMMENT_MAX } from './decision.dto.js';

/**
 * The student confirms the approved place. The outgoing mobility's nomination asks for a birth
 * date and a citizenship, which EWP wants when known: both optional.
 */
export class ConfirmPlaceDto {
  /** YYYY-MM-DD */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  /** ISO 3166-1 alpha-2, e.g. BE. */
  @ApiPropertyOptional({ example: 'BE' })
  @IsOptional()
  @UpperCased()
  @IsString()
  @MaxLength(2)
  @Matches(/^[A-Z]{2}$/, { message: 'citizenship must be a two-letter country code (ISO 3166-1), e.g. BE' })
  citizenship?: string;
}

/** The student declines the approved place (it goes back to the programme). */
export class DeclinePlaceDto {
  /** Optional reason, kept in the timeline. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}
