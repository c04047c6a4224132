import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMMENT_MAX } from './decision.dto.js';

export class WithdrawDto {
  /** Optional reason, kept in the timeline. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}
