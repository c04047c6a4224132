import { IsBoolean } from 'class-validator';
import { Omittable } from '../../common/dto/fields.js';

/** Turns digests and reminders on or off; a field left out stays as it is. */
export class UpdateNotificationSettingsDto {
  /** Advisors: the daily digest of new submissions and freed places. */
  @Omittable()
  @IsBoolean()
  dailyDigest?: boolean;

  /** Coordinators: the weekly digest of planned arrivals and departures. */
  @Omittable()
  @IsBoolean()
  weeklyDigest?: boolean;

  /** Students: the reminder two days before a window of a programme in their draft closes. */
  @Omittable()
  @IsBoolean()
  draftReminders?: boolean;
}
