import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { Omittable, Trimmed } from '../../common/dto/fields.js';
import { EachTrimmed, SLUG_MAX_LENGTH, SLUG_PATTERN } from './news-fields.js';

export const BODY_MAX_LENGTH = 100_000;

export class CreateNewsDto {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  /** One or two sentences shown in lists and the feed. */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  summary: string;

  /** Markdown. Raw HTML is reduced to its text; links and images must be http(s). */
  @IsString()
  @Matches(/\S/, { message: 'body must not be blank' })
  @MaxLength(BODY_MAX_LENGTH)
  body: string;

  /** The name shown as the article's author, e.g. Christophe Morel. */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  authorName: string;

  /** e.g. International, Partnerships, Research. */
  @Omittable()
  @EachTrimmed()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  categories?: string[];

  /** Institutions the article is about. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  relatedInstitutionIds?: string[];

  /** Address of the article; made from the title when left out (a taken one gets -2, -3, ...). */
  @Omittable()
  @Trimmed()
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH)
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters and digits joined by single hyphens' })
  slug?: string;
}
