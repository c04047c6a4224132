import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, Trimmed } from '../../common/dto/fields.js';
import { OUTGOING_STATUSES, type OutgoingStatus } from '../outgoing-state.js';

export class TransitionOutgoingDto {
  @ApiProperty({ enum: OUTGOING_STATUSES })
  @IsIn(OUTGOING_STATUSES)
  to: OutgoingStatus;

  /** The actual arrival (`live`) or departure (`recognized`), YYYY-MM-DD; default today. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  /** Kept with the event in the mobility's history. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
