import { IntersectionType } from '@nestjs/swagger';
import { NamesDto } from '../../users/dto/names.dto.js';
import { PreferredLocaleDto } from '../../users/dto/preferred-locale.dto.js';
import { StudentProfileDto } from '../../users/dto/student-profile.dto.js';
import { EmailDto, NewPasswordDto } from './credentials.dto.js';

/** Self-registration makes a student account; a `role` field is rejected like any unknown field. */
export class RegisterDto extends IntersectionType(
  EmailDto,
  NewPasswordDto,
  NamesDto,
  StudentProfileDto,
  PreferredLocaleDto,
) {}
