import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/fields.js';
import { INCOMING_STATUSES, type IncomingStatus } from '../incoming-state.js';

export class TransitionIncomingDto {
  @ApiProperty({ enum: INCOMING_STATUSES })
  @IsIn(INCOMING_STATUSES)
  to: IncomingStatus;

  /** The actual arrival or departure date (YYYY-MM-DD); only for `arrived` and `departed`, default today. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  /** Kept with the event in the mobility's history. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
