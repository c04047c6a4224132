import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';

export class ListAuditQuery extends PageQueryDto {
  /** e.g. auth.login.failed */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsUUID()
  targetId?: string;

  /** Entries at or after this instant (ISO 8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  /** Entries before this instant (ISO 8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}
