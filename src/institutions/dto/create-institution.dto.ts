import {
  IsBoolean,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { LowerCased, Omittable, Trimmed, UpperCased } from '../../common/dto/fields.js';

/** A domain name such as umons.ac.be (EWP's SCHAC code). */
const SCHAC_CODE = /^(?=.{3,100}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export class CreateInstitutionDto {
  /** Full name, e.g. Université de Mons. */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  /** Short name, e.g. UMONS. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 30)
  abbreviation?: string | null;

  /** ISO 3166-1 alpha-2 country code, e.g. BE or KZ. */
  @UpperCased()
  @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 country code, such as BE' })
  countryCode: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city: string;

  /** http(s) address of the institution's site. */
  @IsOptional()
  @Trimmed()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be an http(s) URL' },
  )
  @MaxLength(300)
  website?: string | null;

  /** The institution's internet domain, unique across institutions, e.g. umons.ac.be. */
  @LowerCased()
  @IsString()
  @Matches(SCHAC_CODE, { message: "schacCode must be the institution's domain name, such as umons.ac.be" })
  schacCode: string;

  /** Erasmus code, e.g. "B  MONS21"; null for partners outside the Erasmus programme. */
  @IsOptional()
  @IsString()
  @Length(1, 30)
  @Matches(/\S/, { message: 'erasmusCode must not be blank' })
  erasmusCode?: string | null;

  /** The university running the portal; there is exactly one. */
  @Omittable()
  @IsBoolean()
  isHome?: boolean;
}
