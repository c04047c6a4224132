import { Module } from '@nestjs/common';
import { PersonalDataService } from './personal-data.service.js';
import { PrivacyController } from './privacy.controller.js';

/** Data-protection requests: access (export) and erasure. */
@Module({
  controllers: [PrivacyController],
  providers: [PersonalDataService],
})
export class PrivacyModule {}
