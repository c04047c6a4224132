import { PartialType } from '@nestjs/swagger';
import { CreateNewsDto } from './create-news.dto.js';

/** Any subset of the article's fields; none may be null. A new title keeps the slug unless one is sent. */
export class UpdateNewsDto extends PartialType(CreateNewsDto, { skipNullProperties: false }) {}
