import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { AssessmentsService } from './assessments.service.js';
import { AssessmentsController, SelectionRoundsController } from './selection-rounds.controller.js';
import { SelectionRoundsService } from './selection-rounds.service.js';

/** Selection rounds and motivation ratings. Applications read a committed round's outcome from here. */
@Module({
  imports: [ProgrammesModule, NotificationsModule],
  controllers: [SelectionRoundsController, AssessmentsController],
  providers: [SelectionRoundsService, AssessmentsService],
  exports: [SelectionRoundsService, AssessmentsService],
})
export class SelectionRoundsModule {}
