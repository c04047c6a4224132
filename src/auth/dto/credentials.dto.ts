import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

/** Emails are compared without case: stored and looked up trimmed and lower-cased. */
export const NormalisedEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export class EmailDto {
  /** @example marie.dupont@student.umons.ac.be */
  @NormalisedEmail()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class NewPasswordDto {
  /** 10 to 128 characters; not the email, not a common password. */
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password: string;
}

export class LoginDto extends EmailDto {
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
