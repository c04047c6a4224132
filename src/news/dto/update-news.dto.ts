import { PatchType } from '../../common/dto/fields.js';
import { CreateNewsDto } from './create-news.dto.js';

/** Any subset of the article's fields; none may be null. A new title keeps the slug unless one is sent. */
export class UpdateNewsDto extends PatchType(CreateNewsDto) {}
