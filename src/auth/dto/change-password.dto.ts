import { IsString, Length, MaxLength } from 'class-validator';
import { NormalizedPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './credentials.dto.js';

export class ChangePasswordDto {
  @NormalizedPassword()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  /** 10 to 128 characters once normalised (NFKC); not blank, not the email, not a common password. */
  @NormalizedPassword()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  newPassword: string;
}
