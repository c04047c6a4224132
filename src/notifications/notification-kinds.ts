/**
 * What the portal notifies, to whom, with which facts: each kind has a template per language
 * (`notification-templates.ts`) and a dedupe key that names the change it announces once.
 */

export const NOTIFICATION_KINDS = [
  'application-submitted',
  'application-approved',
  'application-waitlisted',
  'application-rejected',
  'application-waitlist-approved',
  'draft-reminder',
  'advisor-digest',
  'coordinator-digest',
  'incoming-nominated',
  'learning-agreement-to-sign',
  'learning-agreement-approved',
  'learning-agreement-commented',
  'undelivered',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where an e-mail stands in the outbox. */
export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** The digests and reminders a user may turn off (PATCH /api/me/notification-settings). */
export const NOTIFICATION_SETTINGS = ['dailyDigest', 'weeklyDigest', 'draftReminders'] as const;
export type NotificationSetting = (typeof NOTIFICATION_SETTINGS)[number];

/** A programme freed places on, in a digest. */
export interface FreedPlaces {
  programme: string;
  places: number;
}

/** One incoming student arriving or leaving, in a coordinator's digest. */
export interface PlannedMove {
  name: string;
  institution: string;
  /** YYYY-MM-DD */
  date: string;
}

/** The facts each kind's template reads. */
export interface NotificationFacts {
  'application-submitted': { choices: string[]; academicYear: string; term: string };
  'application-approved': { programme: string; comment: string | null };
  'application-waitlisted': { comment: string | null };
  'application-rejected': { reason: string };
  'application-waitlist-approved': { programme: string; comment: string | null };
  'draft-reminder': { programme: string; closesAt: string };
  'advisor-digest': { day: string; submissions: number; freed: FreedPlaces[] };
  'coordinator-digest': { from: string; to: string; arrivals: PlannedMove[]; departures: PlannedMove[] };
  'incoming-nominated': {
    name: string;
    institution: string;
    academicYear: string;
    term: string;
    plannedArrival: string;
  };
  'learning-agreement-to-sign': { student: string; host: string; version: number };
  'learning-agreement-approved': { host: string; version: number };
  'learning-agreement-commented': { host: string; version: number; reason: string };
  undelivered: { kind: NotificationKind; error: string; attempts: number };
}

/** A notification to write: who, what, the page it points to (without the locale) and its key. */
export type NotificationRequest = {
  [Kind in NotificationKind]: {
    kind: Kind;
    recipientId: string;
    facts: NotificationFacts[Kind];
    /** The page concerned, after `/{locale}`: `/applications/…`. */
    path: string;
    /** Unique among all notifications: the same key is written once, whoever writes it again. */
    dedupeKey: string;
  };
}[NotificationKind];
