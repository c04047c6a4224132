import { ApiProperty } from '@nestjs/swagger';
import { ROLES, STUDY_LEVELS, type Role, type StudyLevel } from '../role.js';
import { LOCALES, type Locale } from '../../common/domain.js';
import type { User } from '../user.entity.js';

/** What the API shows of an account: never its password hash or token version. */
export class UserResponse {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  active: boolean;
  studentNumber: string | null;
  homeFacultyId: string | null;
  /** A partner coordinator's institution; null for every other role. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  institutionId: string | null;
  @ApiProperty({ enum: STUDY_LEVELS, nullable: true })
  studyLevel: StudyLevel | null;
  studyYear: number | null;
  /** The language of their notifications and e-mails. */
  @ApiProperty({ enum: LOCALES })
  preferredLocale: Locale;
  /** Set once the person has been erased. */
  erasedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    active: user.active,
    studentNumber: user.studentNumber,
    homeFacultyId: user.homeFacultyId,
    institutionId: user.institutionId,
    studyLevel: user.studyLevel,
    studyYear: user.studyYear,
    preferredLocale: user.preferredLocale,
    erasedAt: user.erasedAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
