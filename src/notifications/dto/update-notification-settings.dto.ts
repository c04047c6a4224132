import { IsBoolean, ValidateIf } from 'class-validator';

/** Turns digests and reminders on or off; a field left out stays as it is. */
export class UpdateNotificationSettingsDto {
  /** Advisors: the daily digest of new submissions and freed places. */
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  dailyDigest?: boolean;

  /** Coordinators: the weekly digest of planned arrivals and departures. */
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  weeklyDigest?: boolean;

  /** Students: the reminder two days before a window of a programme in their draft closes. */
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  draftReminders?: boolean;
}
