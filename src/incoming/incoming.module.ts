import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CsvBodyParser } from './csv-body.parser.js';
import { IncomingEvent } from './incoming-event.entity.js';
import { IncomingMobility } from './incoming-mobility.entity.js';
import { IncomingCsvService } from './incoming-csv.service.js';
import { IncomingController } from './incoming.controller.js';
import { IncomingService } from './incoming.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([IncomingMobility, IncomingEvent]), NotificationsModule],
  controllers: [IncomingController],
  providers: [IncomingService, IncomingCsvService, CsvBodyParser],
})
export class IncomingModule {}
