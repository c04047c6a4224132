import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { sendJsonWithEtag, sendWithEtag } from '../common/http/etag.js';
import type { Environment } from '../config/environment.js';
import { CreateNewsDto } from './dto/create-news.dto.js';
import { ListNewsQuery } from './dto/list-news.query.js';
import { NewsArticleResponse, NewsPageResponse } from './dto/news.response.js';
import { PublishNewsDto } from './dto/publish-news.dto.js';
import { UpdateNewsDto } from './dto/update-news.dto.js';
import { buildNewsFeed, FEED_SIZE } from './news-feed.js';
import { NewsService } from './news.service.js';

@ApiTags('news')
@Controller('news')
export class NewsController {
  private readonly baseUrl: string;

  constructor(
    private readonly news: NewsService,
    config: ConfigService<Environment, true>,
  ) {
    this.baseUrl = config.get('PUBLIC_BASE_URL', { infer: true }).replace(/\/+$/, '');
  }

  /** Published articles, newest first (filters: category, institutionId, q); editors and admins may ask for status=draft. */
  @Public()
  @Get()
  @ApiOkResponse({ type: NewsPageResponse, description: 'Carries an ETag; If-None-Match answers 304' })
  async list(
    @Query() query: ListNewsQuery,
    @CurrentUser() user: AuthUser | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendJsonWithEtag(request, reply, await this.news.list(query, user));
  }

  /** RSS 2.0 feed of the latest 20 published articles. */
  @Public()
  @Get('feed.xml')
  @ApiProduces('application/rss+xml')
  @ApiOkResponse({
    description: 'RSS 2.0; carries an ETag; If-None-Match answers 304',
    schema: { type: 'string' },
  })
  async feed(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const xml = buildNewsFeed(this.baseUrl, await this.news.latestPublished(FEED_SIZE));
    await sendWithEtag(request, reply, xml, 'application/rss+xml; charset=utf-8');
  }

  /** A published article by its slug (editors and admins also see drafts). */
  @Public()
  @Get(':slug')
  @ApiOkResponse({ type: NewsArticleResponse, description: 'Carries an ETag; If-None-Match answers 304' })
  async get(
    @Param('slug') slug: string,
    @CurrentUser() user: AuthUser | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendJsonWithEtag(request, reply, await this.news.getBySlug(slug, user));
  }

  /** Writes a new article as a draft; the slug is made from the title unless given. */
  @Roles('editor', 'admin')
  @Post()
  @ApiCreatedResponse({ type: NewsArticleResponse })
  create(@Body() dto: CreateNewsDto, @CurrentUser() user: AuthUser): Promise<NewsArticleResponse> {
    return this.news.create(dto, user.id);
  }

  /** Changes an article, draft or published. */
  @Roles('editor', 'admin')
  @Patch(':id')
  @ApiOkResponse({ type: NewsArticleResponse })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateNewsDto): Promise<NewsArticleResponse> {
    return this.news.update(id, dto);
  }

  /** Publishes a draft, dated now or at the given publishedAt; 409 NEWS_ALREADY_PUBLISHED otherwise. */
  @Roles('editor', 'admin')
  @Post(':id/publish')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: NewsArticleResponse })
  @ApiBody({ type: PublishNewsDto, required: false })
  publish(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PublishNewsDto): Promise<NewsArticleResponse> {
    return this.news.publish(id, dto);
  }

  /** Takes a published article back to draft; 409 NEWS_NOT_PUBLISHED otherwise. */
  @Roles('editor', 'admin')
  @Post(':id/unpublish')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: NewsArticleResponse })
  unpublish(@Param('id', ParseUUIDPipe) id: string): Promise<NewsArticleResponse> {
    return this.news.unpublish(id);
  }

  /** Deletes an article for good. */
  @Roles('editor', 'admin')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.news.delete(id);
  }
}
