import { Get } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth/decorators/public.decorator.js';
import { NewsService } from '../../news/news.service.js';
import { ListProgrammesQuery } from '../../programmes/dto/list-programmes.query.js';
import { ProgrammesService } from '../../programmes/programmes.service.js';
import { PageReply, WebController } from '../../web/web.decorators.js';
import { WebPages } from '../../web/web-pages.service.js';
import { HomePage } from './home.page.js';

const OPEN_CALLS_SHOWN = 6;
const NEWS_SHOWN = 3;

@WebController()
export class HomePagesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly news: NewsService,
    private readonly web: WebPages,
  ) {}

  /** Open calls with places left, soonest deadline first, and the latest news. */
  @Public()
  @Get()
  async home(@PageReply() reply: FastifyReply): Promise<void> {
    const page = this.web.page(reply);
    const query = Object.assign(new ListProgrammesQuery(), { open: true, limit: OPEN_CALLS_SHOWN * 2 });
    const [open, news] = await Promise.all([
      this.programmes.list(query, undefined),
      this.news.latestPublished(NEWS_SHOWN),
    ]);
    const calls = open.items.filter((programme) => programme.placesLeft > 0).slice(0, OPEN_CALLS_SHOWN);
    page.render(<HomePage calls={calls} news={news} />, { title: page.t('home.title') });
  }
}
