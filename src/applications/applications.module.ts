import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutgoingModule } from '../outgoing/outgoing.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { SelectionRoundsModule } from '../selection-rounds/selection-rounds.module.js';
import { ApplicationChoice } from './application-choice.entity.js';
import { ApplicationEvent } from './application-event.entity.js';
import { Application } from './application.entity.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Application, ApplicationChoice, ApplicationEvent]),
    ProgrammesModule,
    NotificationsModule,
    OutgoingModule,
    SelectionRoundsModule,
  ],
  controllers: [ApplicationsController],
  providers: [ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
