/**
 * Language skills of an application: what the student declares, and what an advisor verified.
 * A student only ever declares (every skill they send is `declared`); an advisor marks a skill
 * `verified` at the level they confirmed, which may differ from the declared one. Eligibility
 * reads the current level of each skill, so a corrected level counts from the next decision on.
 */
import { HttpStatus } from '@nestjs/common';
import type { CefrLevel } from '../common/domain.js';
import { DomainException, NotFoundError } from '../common/errors/domain.exception.js';
import { ApplicationErrorCode } from './application-error-codes.js';
import type { ApplicationStatus } from './application-state.js';

export const LANGUAGE_SKILL_STATUSES = ['declared', 'verified'] as const;
export type LanguageSkillStatus = (typeof LANGUAGE_SKILL_STATUSES)[number];

/** One skill as stored in `applications.language_skills` (jsonb). */
export interface LanguageSkillRecord {
  /** ISO 639-1, lower case. */
  language: string;
  /** The current level: the declared one, or the one an advisor verified. */
  cefrLevel: CefrLevel;
  status: LanguageSkillStatus;
  /** The level the student declared (kept when an advisor verifies another). */
  declaredLevel: CefrLevel;
  /** Who verified it and when (ISO 8601); null while declared. */
  verifiedById: string | null;
  verifiedAt: string | null;
}

/** What a student sends: a language and a level. */
export interface DeclaredSkill {
  language: string;
  cefrLevel: CefrLevel;
}

/** The skills a student sends, as stored: each one `declared`, whatever was verified before. */
export function declareSkills(skills: readonly DeclaredSkill[]): LanguageSkillRecord[] {
  return skills.map(({ language, cefrLevel }) => ({
    language,
    cefrLevel,
    status: 'declared',
    declaredLevel: cefrLevel,
    verifiedById: null,
    verifiedAt: null,
  }));
}

/** Statuses in which an advisor may verify skills: while the application awaits a decision. */
const VERIFIABLE: readonly ApplicationStatus[] = ['submitted', 'waitlisted'];

/**
 * The skills with the one at `index` verified at `level` by `advisorId`. 404 when there is no
 * skill at that index; 409 APPLICATION_NOT_EDITABLE unless the application awaits a decision.
 */
export function verifySkill(
  status: ApplicationStatus,
  skills: readonly LanguageSkillRecord[],
  index: number,
  level: CefrLevel,
  advisorId: string,
  at: Date,
): LanguageSkillRecord[] {
  if (!VERIFIABLE.includes(status)) {
    throw new DomainException(
      ApplicationErrorCode.NOT_EDITABLE,
      `Language skills can be verified only while the application awaits a decision (submitted or waitlisted); this one is ${status}`,
      HttpStatus.CONFLICT,
      { status },
    );
  }
  if (!Number.isInteger(index) || index < 0 || index >= skills.length) {
    throw new NotFoundError(`Language skill ${index}`);
  }
  return skills.map((skill, position) =>
    position === index
      ? {
          ...skill,
          cefrLevel: level,
          status: 'verified',
          verifiedById: advisorId,
          verifiedAt: at.toISOString(),
        }
      : skill,
  );
}
