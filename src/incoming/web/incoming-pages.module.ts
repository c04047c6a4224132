import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { WebRegistry } from '../../web/web.registry.js';
import { MAX_IMPORT_BYTES } from '../csv/csv-body.parser.js';
import { IncomingModule } from '../incoming.module.js';
import { IncomingPagesController } from './incoming-pages.controller.js';
import { incomingMessages } from './incoming.messages.js';
import { readUploadFormsOf } from './upload-form.js';

/** The import page's route, whose form carries a file. */
export const IMPORT_PAGE_ROUTE = '/:locale/incoming/import';

/** The coordinator's incoming-students pages: list, one student, CSV import and export. */
@Module({
  imports: [IncomingModule],
  controllers: [IncomingPagesController],
})
export class IncomingPagesModule implements OnModuleInit {
  constructor(
    registry: WebRegistry,
    private readonly adapterHost: HttpAdapterHost,
  ) {
    registry.addMessages(incomingMessages);
    registry.addMenuEntry({
      labelKey: 'incoming.menu',
      path: '/incoming',
      audience: ['coordinator', 'admin'],
      order: 72,
    });
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    readUploadFormsOf(fastify, new Set([IMPORT_PAGE_ROUTE]), MAX_IMPORT_BYTES);
  }
}
