import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { EmailDto, NewPasswordDto } from '../../auth/dto/credentials.dto.js';
import { ROLES, type Role } from '../role.js';
import { NamesDto } from './names.dto.js';
import { PreferredLocaleDto } from './preferred-locale.dto.js';
import { StudentProfileDto } from './student-profile.dto.js';

export class CreateUserDto extends IntersectionType(
  EmailDto,
  NewPasswordDto,
  NamesDto,
  StudentProfileDto,
  PreferredLocaleDto,
) {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  /** Required for a `partner` (the partner institution they coordinate for), refused otherwise. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}
