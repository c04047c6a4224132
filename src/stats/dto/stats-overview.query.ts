import { ApiProperty } from '@nestjs/swagger';
import { IsAcademicYear } from '../../common/dto/fields.js';

export class StatsOverviewQuery {
  /** `2025/2026` */
  @ApiProperty({ example: '2025/2026' })
  @IsAcademicYear()
  academicYear: string;
}
