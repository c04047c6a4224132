import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trimmed } from '../../common/dto/fields.js';
import { COMMENT_MAX } from './decision.dto.js';

export class WithdrawDto {
  /** Optional reason, kept in the timeline. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}
