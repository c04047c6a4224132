import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsDateTime } from '../../common/dto/fields.js';
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
  @IsDateTime()
  since?: string;

  /** Entries before this instant (ISO 8601). */
  @IsOptional()
  @IsDateTime()
  until?: string;
}
