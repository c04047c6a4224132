import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { NormalizedEmail } from '../../common/dto/fields.js';
import { normalisePassword } from '../../users/password-rules.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords are validated, hashed and compared in NFKC form (so the length counts what is hashed). */
export const NormalizedPassword = () =>
  Transform(({ value }) => (typeof value === 'string' ? normalisePassword(value) : value));

export class EmailDto {
  /** @example marie.dupont@student.umons.ac.be */
  @NormalizedEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class NewPasswordDto {
  /** 10 to 128 characters once normalised (NFKC); not blank, not the email, not a common password. */
  @NormalizedPassword()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;
}

export class LoginDto extends EmailDto {
  @NormalizedPassword()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
