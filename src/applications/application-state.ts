/**
 * The rules of an outgoing application, without a database (the workflow shape of
 * `src/common/workflow.ts`): which status may follow which, what
 * a submission needs (a motivation, open windows, eligibility), what a set of choices must be.
 * The service applies them to rows it has locked; the unit tests exercise them directly.
 */
import { HttpStatus } from '@nestjs/common';
import { meetsCefrLevel, type CefrLevel, type Term } from '../common/domain.js';
import { DomainException, InvalidInputError } from '../common/errors/domain.exception.js';
import { defineWorkflow } from '../common/workflow.js';
import { ApplicationErrorCode } from './application-error-codes.js';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'waitlisted',
  'rejected',
  'withdrawn',
  'confirmed',
  'declined',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The statuses the advisors' review queue shows and counts: every status after submission. */
export const QUEUE_STATUSES = ['submitted', 'waitlisted', 'approved', 'rejected', 'withdrawn'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
/** The queue counts each status up to this many; beyond it the page says "more than". */
export const QUEUE_COUNT_CAP = 1000;

export const DECISION_OUTCOMES = ['approve', 'waitlist', 'reject'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const OUTCOME_STATUS: Record<DecisionOutcome, ApplicationStatus> = {
  approve: 'approved',
  waitlist: 'waitlisted',
  reject: 'rejected',
};

export const MAX_CHOICES = 3;
export const MOTIVATION_MIN = 50;
export const MOTIVATION_MAX = 5000;

/** Every allowed step; anything missing here is an illegal transition (409 APPLICATION_INVALID_TRANSITION). */
export const { canTransition, nextStatuses, assertTransition } = defineWorkflow<ApplicationStatus>({
  subject: 'An application',
  transitions: {
    draft: ['submitted', 'withdrawn'],
    submitted: ['approved', 'waitlisted', 'rejected', 'withdrawn'],
    waitlisted: ['approved', 'rejected', 'withdrawn'],
    approved: ['confirmed', 'declined', 'withdrawn'],
    rejected: [],
    withdrawn: [],
    // The student's answer to the place: confirming hands over to the outgoing mobility.
    confirmed: [],
    declined: [],
  },
  invalidTransition: ApplicationErrorCode.INVALID_TRANSITION,
});

/** An approved application holds one place on its placed programme, and keeps it once confirmed. */
export function holdsPlace(status: ApplicationStatus): boolean {
  return status === 'approved' || status === 'confirmed';
}

/** Days a student has to confirm or decline an approved place when the advisor sets no deadline. */
export const CONFIRMATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The deadline to confirm or decline an approved place: the one the advisor set on approval, or
 * 7 days after the decision (an approval that stored none, say by another path). Null before any.
 */
export function confirmationDeadlineOf(application: {
  confirmationDeadline: Date | null;
  decidedAt: Date | null;
}): Date | null {
  if (application.confirmationDeadline) return application.confirmationDeadline;
  if (!application.decidedAt) return null;
  return new Date(application.decidedAt.getTime() + CONFIRMATION_DAYS * DAY_MS);
}

/** The default deadline of an approval made at `now`. */
export function defaultConfirmationDeadline(now: Date): Date {
  return new Date(now.getTime() + CONFIRMATION_DAYS * DAY_MS);
}

/**
 * The student may confirm or decline only while the application is approved (409
 * APPLICATION_INVALID_TRANSITION otherwise) and before its deadline (409
 * APPLICATION_CONFIRMATION_CLOSED, naming the deadline).
 */
export function checkAnswerToPlace(
  application: { status: ApplicationStatus; confirmationDeadline: Date | null; decidedAt: Date | null },
  to: 'confirmed' | 'declined',
  now: Date,
): void {
  assertTransition(application.status, to);
  const deadline = confirmationDeadlineOf(application);
  if (deadline && now.getTime() >= deadline.getTime()) {
    throw new DomainException(
      ApplicationErrorCode.CONFIRMATION_CLOSED,
      `The place had to be confirmed or declined before ${deadline.toISOString()}; ask your mobility advisor`,
      HttpStatus.CONFLICT,
      { deadline: deadline.toISOString() },
    );
  }
}

/** The programme facts the rules read. */
export interface ProgrammeFacts {
  id: string;
  title: string;
  status: string;
  academicYear: string;
  term: Term;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  eligibleFacultyIds: string[];
  languageOfInstruction: string | null;
  minLanguageLevel: CefrLevel | null;
}

export interface LanguageSkill {
  language: string;
  cefrLevel: CefrLevel;
}

/**
 * Checks a ranked list of choices against the programmes found for them (any order, missing
 * ones absent): 1 to 3, distinct, every one a published programme, all of one academic year and
 * term. Answers that year and term. Each problem is a 400 naming `choices`.
 */
export function checkChoices(
  choiceIds: readonly string[],
  programmes: readonly ProgrammeFacts[],
): { academicYear: string; term: Term } {
  if (choiceIds.length < 1 || choiceIds.length > MAX_CHOICES) {
    throw new InvalidInputError(`choices must list 1 to ${MAX_CHOICES} programmes`, ['choices']);
  }
  if (new Set(choiceIds).size !== choiceIds.length) {
    throw new InvalidInputError('choices must not repeat a programme', ['choices']);
  }
  const byId = new Map(programmes.map((programme) => [programme.id, programme]));
  const ranked = choiceIds.map((id) => {
    const programme = byId.get(id);
    if (!programme || programme.status !== 'published') {
      throw new InvalidInputError(`choices: programme ${id} does not exist or is not published`, ['choices']);
    }
    return programme;
  });
  const [first] = ranked;
  const other = ranked.find(
    (programme) => programme.academicYear !== first.academicYear || programme.term !== first.term,
  );
  if (other) {
    throw new InvalidInputError(
      `choices must all be of one academic year and term: "${first.title}" is ${first.academicYear} ${first.term}, "${other.title}" is ${other.academicYear} ${other.term}`,
      ['choices'],
    );
  }
  return { academicYear: first.academicYear, term: first.term };
}

/** A submission needs a motivation of 50 to 5,000 characters (a draft may have less). */
export function checkMotivation(motivation: string | null): void {
  const length = motivation?.trim().length ?? 0;
  if (length < MOTIVATION_MIN || length > MOTIVATION_MAX) {
    const message = `motivation must have ${MOTIVATION_MIN} to ${MOTIVATION_MAX} characters to submit (it has ${length})`;
    throw new DomainException(ApplicationErrorCode.INCOMPLETE, message, HttpStatus.CONFLICT, {
      fields: [{ field: 'motivation', problems: [message] }],
    });
  }
}

/** Every choice must be published and open for applications at `now` (opens <= now < closes). */
export function checkWindows(programmes: readonly ProgrammeFacts[], now: Date): void {
  for (const programme of programmes) {
    if (programme.status !== 'published') {
      throw new DomainException(
        ApplicationErrorCode.WINDOW_CLOSED,
        `"${programme.title}" is no longer open for applications (it is ${programme.status})`,
      );
    }
    const time = now.getTime();
    if (time < programme.applicationOpensAt.getTime() || time >= programme.applicationClosesAt.getTime()) {
      throw new DomainException(
        ApplicationErrorCode.WINDOW_CLOSED,
        `Applications for "${programme.title}" are open from ${programme.applicationOpensAt.toISOString()} to ${programme.applicationClosesAt.toISOString()}`,
        HttpStatus.CONFLICT,
        { programmeId: programme.id },
      );
    }
  }
}

/**
 * The student must be eligible for every choice: from one of its home faculties (when it names
 * any), and with the minimum level in its language of instruction (when it sets one; with a
 * minimum level but no language named, any declared language at that level will do).
 */
export function checkEligibility(
  student: { homeFacultyId: string | null; languageSkills: readonly LanguageSkill[] },
  programmes: readonly ProgrammeFacts[],
): void {
  for (const programme of programmes) {
    if (
      programme.eligibleFacultyIds.length > 0 &&
      (!student.homeFacultyId || !programme.eligibleFacultyIds.includes(student.homeFacultyId))
    ) {
      throw new DomainException(
        ApplicationErrorCode.NOT_ELIGIBLE,
        `Faculty rule: "${programme.title}" is open only to students of certain home faculties, and ${student.homeFacultyId ? 'yours is not one of them' : 'your profile names no home faculty'}`,
        HttpStatus.CONFLICT,
        { rule: 'faculty', programmeId: programme.id },
      );
    }
    const required = programme.minLanguageLevel;
    if (required) {
      const language = programme.languageOfInstruction?.trim().toLowerCase() ?? null;
      const qualifies = student.languageSkills.some(
        (skill) =>
          (language === null || skill.language === language) && meetsCefrLevel(skill.cefrLevel, required),
      );
      if (!qualifies) {
        throw new DomainException(
          ApplicationErrorCode.NOT_ELIGIBLE,
          `Language rule: "${programme.title}" requires ${language ? `level ${required} in "${language}"` : `level ${required} in a language`} among your language skills`,
          HttpStatus.CONFLICT,
          { rule: 'language', programmeId: programme.id },
        );
      }
    }
  }
}
