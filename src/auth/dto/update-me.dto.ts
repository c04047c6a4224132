import { IntersectionType } from '@nestjs/swagger';
import { PatchType } from '../../common/dto/fields.js';
import { NamesDto } from '../../users/dto/names.dto.js';
import { PreferredLocaleDto } from '../../users/dto/preferred-locale.dto.js';
import { StudentProfileDto } from '../../users/dto/student-profile.dto.js';

/**
 * What anyone may change of their own profile (the student fields only apply to students), and
 * the language of their notifications. Names
 * may be left out but not be null; null clears a student field.
 */
export class UpdateMeDto extends PatchType(
  IntersectionType(NamesDto, StudentProfileDto, PreferredLocaleDto),
) {}
