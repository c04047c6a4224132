import { IsOptional } from 'class-validator';
import { IsInstant } from '../../common/dto/fields.js';

export class PublishNewsDto {
  /** When the article counts as published (ISO 8601 with an offset); now when left out. Not in the future. */
  @IsOptional()
  @IsInstant()
  publishedAt?: string;
}
