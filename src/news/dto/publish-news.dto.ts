import { IsISO8601, IsOptional, Matches } from 'class-validator';

export class PublishNewsDto {
  /** When the article counts as published (ISO 8601 with an offset); now when left out. Not in the future. */
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'publishedAt must be an ISO 8601 date-time such as 2026-01-14T09:00:00Z' },
  )
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/i, {
    message: 'publishedAt must carry a time zone offset (Z or +01:00)',
  })
  publishedAt?: string;
}
