import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { LOCALES, type Locale } from '../../common/domain.js';
import { Omittable } from '../../common/dto/fields.js';

/** The language a person reads the portal's notifications and e-mails in. */
export class PreferredLocaleDto {
  @ApiPropertyOptional({ enum: LOCALES, description: 'Unset at creation: DEFAULT_LOCALE' })
  // Left out is fine; null is not (it is one of the four, always).
  @Omittable()
  @IsIn(LOCALES)
  preferredLocale?: Locale;
}
