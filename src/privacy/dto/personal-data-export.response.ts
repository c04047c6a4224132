import {
  ApplicationEventResponse,
  ApplicationResponse,
} from '../../applications/dto/application.response.js';
import { UserResponse } from '../../users/dto/user.response.js';

export class ExportedApplication extends ApplicationResponse {
  /** The application's timeline, oldest step first. */
  events: ApplicationEventResponse[];
}

export class ExportedAuditEntry {
  at: Date;
  action: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
}

/** Everything the portal holds about the caller. */
export class PersonalDataExport {
  exportedAt: Date;
  profile: UserResponse;
  applications: ExportedApplication[];
  /** Security events about the caller: sign-ins, role changes, decisions they made. */
  auditTrail: ExportedAuditEntry[];
}
