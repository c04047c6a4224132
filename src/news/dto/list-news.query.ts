import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { NEWS_STATUSES, type NewsStatus } from '../news-article.entity.js';
import { Trimmed } from '../../common/dto/fields.js';

export class ListNewsQuery extends PageQueryDto {
  /** Articles carrying this category (exact match), e.g. Partnerships. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  category?: string;

  /** Articles related to this institution. */
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  /** Full-text search over title, summary and body (web-search syntax: words, "phrases", -excluded). */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q?: string;

  /** published (default, anyone) or draft (editors and admins only, newest created first). */
  @ApiPropertyOptional({ enum: NEWS_STATUSES, default: 'published' })
  @IsOptional()
  @IsIn(NEWS_STATUSES)
  status?: NewsStatus;
}
