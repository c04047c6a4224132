import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry } from '../audit-entry.entity.js';

/** One entry of the audit trail, as admins read it. */
export class AuditEntryResponse {
  id: string;
  at: Date;
  /** Null for a failed login with an unknown email. */
  actorId: string | null;
  /** e.g. auth.login.succeeded, user.role.changed, application.decided, user.erased */
  action: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  /** What the action changed; its fields depend on the action. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;
}

export function toAuditEntryResponse(entry: AuditEntry): AuditEntryResponse {
  return {
    id: entry.id,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    address: entry.address,
    details: entry.details,
  };
}
