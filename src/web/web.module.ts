import { Controller, Get, Global, Module, Req, Res } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators/public.decorator.js';
import { errorCodeMessages } from '../error-codes.messages.js';
import { MenuBadgesInterceptor } from './menu-badges.interceptor.js';
import { webMessages } from './messages/web.messages.js';
import { PageErrors } from './page-errors.js';
import { WebPages } from './web-pages.service.js';
import { WebRegistry } from './web.registry.js';

/** `/`: the home page in the browser's language. */
@ApiExcludeController()
@Controller()
export class RootPageController {
  constructor(private readonly web: WebPages) {}

  @Public()
  @Get()
  root(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const locale = this.web.bestLocale(request.headers['accept-language']);
    void reply.code(302).header('vary', 'accept-language').header('location', `/${locale}`).send();
  }
}

/**
 * The pages' foundation, knowing no feature: rendering, messages, menu, error pages. Global, so
 * any feature's page module can inject WebPages and WebRegistry.
 */
@Global()
@Module({
  controllers: [RootPageController],
  providers: [
    WebRegistry,
    WebPages,
    PageErrors,
    { provide: APP_INTERCEPTOR, useClass: MenuBadgesInterceptor },
  ],
  exports: [WebRegistry, WebPages, PageErrors],
})
export class WebModule {
  constructor(registry: WebRegistry) {
    registry.addMessages(webMessages);
    // The features' error codes as sentences: the codes are the API's, the sentences the pages'.
    registry.addMessages(errorCodeMessages);
  }
}
