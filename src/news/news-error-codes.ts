import { HttpStatus } from '@nestjs/common';
import type { ErrorCodeTable } from '../common/errors/error-codes.js';

/** The `code` of each rule a news request can break (besides the shared ones). */
export enum NewsErrorCode {
  SLUG_TAKEN = 'NEWS_SLUG_TAKEN',
  ALREADY_PUBLISHED = 'NEWS_ALREADY_PUBLISHED',
  NOT_PUBLISHED = 'NEWS_NOT_PUBLISHED',
}

export const NEWS_ERROR_CODES: ErrorCodeTable<NewsErrorCode> = {
  [NewsErrorCode.SLUG_TAKEN]: {
    status: HttpStatus.CONFLICT,
    meaning: 'another article already has the slug (or no free one could be made from the title)',
  },
  [NewsErrorCode.ALREADY_PUBLISHED]: {
    status: HttpStatus.CONFLICT,
    meaning: 'the article is already published',
  },
  [NewsErrorCode.NOT_PUBLISHED]: { status: HttpStatus.CONFLICT, meaning: 'the article is not published' },
};

declare module '../common/errors/error-codes.js' {
  interface ErrorCodeRegistry {
    news: NewsErrorCode;
  }
}
