import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutgoingModule } from '../outgoing/outgoing.module.js';
import { LEARNING_AGREEMENT_ENTITIES } from './learning-agreement.entities.js';
import {
  LearningAgreementPdfController,
  LearningAgreementsController,
} from './learning-agreements.controller.js';
import { LearningAgreementsService } from './learning-agreements.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(LEARNING_AGREEMENT_ENTITIES), NotificationsModule, OutgoingModule],
  controllers: [LearningAgreementsController, LearningAgreementPdfController],
  providers: [LearningAgreementsService],
  exports: [LearningAgreementsService],
})
export class LearningAgreementsModule {}
