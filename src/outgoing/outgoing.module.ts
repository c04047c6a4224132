import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutgoingEvent } from './outgoing-event.entity.js';
import { OutgoingMobility } from './outgoing-mobility.entity.js';
import { OutgoingController } from './outgoing.controller.js';
import { OutgoingService } from './outgoing.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutgoingMobility, OutgoingEvent])],
  controllers: [OutgoingController],
  providers: [OutgoingService],
  exports: [OutgoingService],
})
export class OutgoingModule {}
