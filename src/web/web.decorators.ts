import { applyDecorators, Controller, Res, SetMetadata } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IS_PAGE } from '../auth/session.js';

/**
 * A controller of pages at `/{locale}/{path}`: the guard reads the session cookie (not a bearer
 * token), errors become pages in the visitor's language, and the API document leaves it out.
 * Combine with `@Public()` or `@Roles(...)` on each handler, as for the API.
 */
export function WebController(path = '') {
  return applyDecorators(
    Controller(path ? `:locale/${path}` : ':locale'),
    SetMetadata(IS_PAGE, true),
    ApiExcludeController(),
  );
}

/** The reply a page handler answers through (`this.web.page(reply).render(...)`). */
export const PageReply = () => Res();
