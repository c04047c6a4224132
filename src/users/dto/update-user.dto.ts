import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { Omittable, PatchType } from '../../common/dto/fields.js';
import { CreateUserDto } from './create-user.dto.js';

/** Any of role, names, activation and a student's home faculty; only the faculty may be null. */
export class UpdateUserDto extends PatchType(
  PickType(CreateUserDto, ['role', 'firstName', 'lastName', 'institutionId'] as const),
) {
  /** false ends the account's sessions at once and refuses its logins. */
  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  active?: boolean;

  /**
   * A student's home faculty, which eligibility rests on: once set, only staff change it (here).
   * null clears it.
   */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  homeFacultyId?: string | null;
}
