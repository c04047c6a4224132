import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Omittable } from '../../common/dto/fields.js';
import { CreateUserDto } from './create-user.dto.js';

/** Any of role, names and activation; none may be null. */
export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, ['role', 'firstName', 'lastName'] as const),
  { skipNullProperties: false },
) {
  /** false ends the account's sessions at once and refuses its logins. */
  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  active?: boolean;
}
