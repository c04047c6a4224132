import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { NormalizedEmail } from '../../common/dto/fields.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export class EmailDto {
  /** @example marie.dupont@student.umons.ac.be */
  @NormalizedEmail()
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
