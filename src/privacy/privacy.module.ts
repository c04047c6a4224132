import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { LearningAgreementsModule } from '../learning-agreements/learning-agreements.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutgoingModule } from '../outgoing/outgoing.module.js';
import { SelectionRoundsModule } from '../selection-rounds/selection-rounds.module.js';
import { UsersModule } from '../users/users.module.js';
import { PersonalDataService } from './personal-data.service.js';
import { PrivacyController } from './privacy.controller.js';

/** Data-protection requests: access (export) and erasure. */
@Module({
  imports: [
    ApplicationsModule,
    UsersModule,
    NotificationsModule,
    OutgoingModule,
    SelectionRoundsModule,
    LearningAgreementsModule,
  ],
  controllers: [PrivacyController],
  providers: [PersonalDataService],
  exports: [PersonalDataService],
})
export class PrivacyModule {}
