import {
  ApplicationEventResponse,
  ApplicationResponse,
} from '../../applications/dto/application.response.js';
import { ExportedLearningAgreementResponse } from '../../learning-agreements/dto/learning-agreement.response.js';
import { OutgoingEventResponse, OutgoingResponse } from '../../outgoing/dto/outgoing.response.js';
import { NotificationResponse } from '../../notifications/dto/notification.response.js';
import { UserResponse } from '../../users/dto/user.response.js';

export class ExportedApplication extends ApplicationResponse {
  /** The application's timeline, oldest step first. */
  events: ApplicationEventResponse[];
}

export class ExportedOutgoingMobility extends OutgoingResponse {
  /** The mobility's timeline, oldest step first. */
  events: OutgoingEventResponse[];
}

export class ExportedAuditEntry {
  at: Date;
  action: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
}

export class ExportedNotification extends NotificationResponse {
  /** Where its e-mail stands: pending, sending, sent or dead. */
  emailStatus: string;
}

/** Everything the portal holds about the caller. */
export class PersonalDataExport {
  exportedAt: Date;
  profile: UserResponse;
  applications: ExportedApplication[];
  /** The mobilities abroad the caller was nominated for, as sent to the host. */
  outgoingMobilities: ExportedOutgoingMobility[];
  /** The learning agreements of those mobilities: versions, signatures, results, recognition. */
  learningAgreements: ExportedLearningAgreementResponse[];
  /** Security events about the caller: sign-ins, role changes, decisions they made. */
  auditTrail: ExportedAuditEntry[];
  /** The notifications the caller received, oldest first. */
  notifications: ExportedNotification[];
}
