import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammePlaces } from './programme-places.js';
import { Programme } from './programme.entity.js';
import { ProgrammesController } from './programmes.controller.js';
import { ProgrammesService } from './programmes.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Programme])],
  controllers: [ProgrammesController],
  providers: [ProgrammesService, ProgrammePlaces],
  exports: [ProgrammesService, ProgrammePlaces],
})
export class ProgrammesModule {}
