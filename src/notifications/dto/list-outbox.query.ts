import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { EMAIL_STATUSES, type EmailStatus } from '../notification-kinds.js';

export class ListOutboxQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @IsOptional()
  @IsIn(EMAIL_STATUSES)
  status?: EmailStatus;
}
