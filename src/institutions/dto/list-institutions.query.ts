import { IsISO31661Alpha2, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { Trimmed, UpperCased } from '../../common/dto/fields.js';

export class ListInstitutionsQuery extends PageQueryDto {
  /** Part of the name, ignoring case and accents ("universite" finds "Université"). */
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  /** ISO 3166-1 alpha-2 */
  @IsOptional()
  @UpperCased()
  @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 country code, such as BE' })
  countryCode?: string;
}
