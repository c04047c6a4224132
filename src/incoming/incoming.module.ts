import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CsvBodyParser } from './csv/csv-body.parser.js';
import { IncomingCsvController } from './csv/incoming-csv.controller.js';
import { IncomingCsvService } from './csv/incoming-csv.service.js';
import { IncomingEvent } from './incoming-event.entity.js';
import { IncomingMobility } from './incoming-mobility.entity.js';
import { IncomingController } from './incoming.controller.js';
import { IncomingService } from './incoming.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([IncomingMobility, IncomingEvent]), NotificationsModule],
  controllers: [IncomingCsvController, IncomingController],
  providers: [IncomingService, IncomingCsvService, CsvBodyParser],
  exports: [IncomingService, IncomingCsvService],
})
export class IncomingModule {}
