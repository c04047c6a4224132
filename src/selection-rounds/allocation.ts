/**
 * The allocation of a selection round, without a database: serial dictatorship by score.
 *
 * Students are ordered by priority (score, then grade average, then language level, all higher
 * first, then a lottery number `SHA-256(seed ‖ applicationId)`, lower first; never the
 * submission time). In that order each takes their highest-ranked choice that they are eligible
 * for (faculty, language level) and that still has a place. The result is stable (nobody loses a
 * place they wanted to someone of lower priority), wastes no place an eligible student wanted,
 * and does not depend on the order of the input.
 *
 * Approved applications that may move up (a round with `allowUpgrades`) take part with their
 * choices cut at the one they hold, and the place they hold counts in that programme's capacity.
 * Whoever of them would end up below the place they hold keeps it and leaves the competition
 * (their place is taken out of the capacity), and the allocation runs again over the others:
 * an approved student never loses their place.
 *
 * Every application gets its priority rank, its outcome (a programme or waitlisted) and, for
 * each choice ranked above the outcome, why not: `FULL` with the cut-off score of that programme
 * (the lowest score placed on it), `NOT_ELIGIBLE` with the rule, or `NOT_IN_ROUND` when the
 * programme is not allocated by this round (window still open, not published, other term).
 */
import { createHash } from 'node:crypto';
import { CEFR_LEVELS, meetsCefrLevel, type CefrLevel } from '../common/domain.js';

export interface AllocationWeights {
  grade: number;
  language: number;
  motivation: number;
}

export interface AllocationProgramme {
  id: string;
  /** Places this round may give (places left, plus the places held by upgrading applications). */
  capacity: number;
  /** Home faculties whose students may go; empty means all. */
  eligibleFacultyIds: readonly string[];
  /** ISO 639-1 language the minimum level applies to; null: any language. */
  languageOfInstruction: string | null;
  minLanguageLevel: CefrLevel | null;
}

export interface AllocationSkill {
  language: string;
  cefrLevel: CefrLevel;
}

export interface AllocationApplicant {
  id: string;
  /** Programme ids, first wish first. */
  choices: readonly string[];
  homeFacultyId: string | null;
  languageSkills: readonly AllocationSkill[];
  /** 0 to 20; null counts as 0. */
  gradeAverage: number | null;
  /** 0 to 5. */
  motivationRating: number;
  /** The programme an approved application holds (it then takes part only to move up). */
  heldProgrammeId?: string | null;
}

export interface AllocationInput {
  seed: string;
  weights: AllocationWeights;
  programmes: readonly AllocationProgramme[];
  applicants: readonly AllocationApplicant[];
}

export type IneligibilityRule = 'faculty' | 'language';

export type ChoiceReason =
  | { programmeId: string; rank: number; reason: 'FULL'; cutoffScore: number | null }
  | { programmeId: string; rank: number; reason: 'NOT_ELIGIBLE'; rule: IneligibilityRule }
  | { programmeId: string; rank: number; reason: 'NOT_IN_ROUND' };

export interface ApplicantOutcome {
  applicationId: string;
  score: number;
  /** Position in the priority order, 1 first. */
  rank: number;
  /** The programme given (or kept), null when waitlisted. */
  programmeId: string | null;
  /** Rank of that programme among the applicant's choices, null when waitlisted. */
  choiceRank: number | null;
  /** For each choice ranked above the outcome (all choices when waitlisted), why not. */
  reasons: ChoiceReason[];
}

export interface ProgrammeOutcome {
  programmeId: string;
  capacity: number;
  /** Places this round gives on it (kept places of upgrading applicants included). */
  taken: number;
  /** Lowest score placed on it; null when nobody is. */
  cutoffScore: number | null;
}

export interface AllocationResult {
  /** In priority order. */
  applications: ApplicantOutcome[];
  /** In the order of the input's programmes. */
  programmes: ProgrammeOutcome[];
}

/** A1 = 1 ... C2 = 6; 0 for none. */
export function levelNumber(level: CefrLevel | null | undefined): number {
  return level ? CEFR_LEVELS.indexOf(level) + 1 : 0;
}

/** Scores are kept to 4 decimals, so that equal inputs give equal scores whatever the arithmetic. */
export function roundScore(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * The language level a score counts: the best level of the student in a language of instruction
 * of one of their choices (any language for a choice that names none).
 */
export function scoredLanguageLevel(
  skills: readonly AllocationSkill[],
  choiceLanguages: ReadonlyArray<string | null>,
): number {
  const anyLanguage = choiceLanguages.length === 0 || choiceLanguages.some((language) => language === null);
  const wanted = new Set(choiceLanguages.filter((language): language is string => language !== null));
  let best = 0;
  for (const skill of skills) {
    if (anyLanguage || wanted.has(skill.language)) best = Math.max(best, levelNumber(skill.cefrLevel));
  }
  return best;
}

/** `wGrade·grade/20 + wLanguage·level/6 + wMotivation·rating/5`, to 4 decimals. */
export function score(
  weights: AllocationWeights,
  gradeAverage: number | null,
  languageLevel: number,
  motivationRating: number,
): number {
  return roundScore(
    (weights.grade * (gradeAverage ?? 0)) / 20 +
      (weights.language * languageLevel) / 6 +
      (weights.motivation * motivationRating) / 5,
  );
}

/** The lottery number of an application in a round: hex SHA-256 of the seed then the id. */
export function lotteryNumber(seed: string, applicationId: string): string {
  return createHash('sha256').update(seed).update(applicationId).digest('hex');
}

/** Why a student may not go to a programme, or null when they may (the rules of a single decision). */
export function ineligibility(
  student: { homeFacultyId: string | null; languageSkills: readonly AllocationSkill[] },
  programme: Pick<AllocationProgramme, 'eligibleFacultyIds' | 'languageOfInstruction' | 'minLanguageLevel'>,
): IneligibilityRule | null {
  if (
    programme.eligibleFacultyIds.length > 0 &&
    (!student.homeFacultyId || !programme.eligibleFacultyIds.includes(student.homeFacultyId))
  ) {
    return 'faculty';
  }
  const required = programme.minLanguageLevel;
  if (required) {
    const language = programme.languageOfInstruction?.trim().toLowerCase() ?? null;
    const qualifies = student.languageSkills.some(
      (skill) =>
        (language === null || skill.language === language) && meetsCefrLevel(skill.cefrLevel, required),
    );
    if (!qualifies) return 'language';
  }
  return null;
}

interface Ranked {
  applicant: AllocationApplicant;
  score: number;
  grade: number;
  level: number;
  lottery: string;
  /** Eligibility per choice, in choice order. */
  rules: Array<IneligibilityRule | null | 'absent'>;
}

/** Higher priority first: score, grade, language level (higher first), lottery (lower first), id. */
function byPriority(a: Ranked, b: Ranked): number {
  return (
    b.score - a.score ||
    b.grade - a.grade ||
    b.level - a.level ||
    (a.lottery < b.lottery ? -1 : a.lottery > b.lottery ? 1 : 0) ||
    (a.applicant.id < b.applicant.id ? -1 : a.applicant.id > b.applicant.id ? 1 : 0)
  );
}

/** The whole allocation of a round (see the file's comment). */
export function allocate(input: AllocationInput): AllocationResult {
  const programmes = new Map(input.programmes.map((programme) => [programme.id, programme]));
  const ranked: Ranked[] = input.applicants.map((applicant) => {
    const languages = applicant.choices.map((id) => programmes.get(id)?.languageOfInstruction ?? null);
    const level = scoredLanguageLevel(applicant.languageSkills, languages);
    return {
      applicant,
      score: score(input.weights, applicant.gradeAverage, level, applicant.motivationRating),
      grade: applicant.gradeAverage ?? 0,
      level,
      lottery: lotteryNumber(input.seed, applicant.id),
      rules: applicant.choices.map((id) => {
        const programme = programmes.get(id);
        return programme ? ineligibility(applicant, programme) : 'absent';
      }),
    };
  });
  ranked.sort(byPriority);

  // Approved applicants who would fall below their place keep it and leave; run again until none does.
  const kept = new Set<string>();
  let assignment: Map<string, number>;
  for (;;) {
    const left = new Map<string, number>();
    for (const programme of input.programmes) left.set(programme.id, Math.max(0, programme.capacity));
    for (const entry of ranked) {
      if (kept.has(entry.applicant.id)) {
        const held = entry.applicant.heldProgrammeId!;
        left.set(held, (left.get(held) ?? 0) - 1);
      }
    }
    assignment = new Map();
    const fallen: string[] = [];
    for (const entry of ranked) {
      const { applicant } = entry;
      if (kept.has(applicant.id)) continue;
      const heldIndex = applicant.heldProgrammeId ? applicant.choices.indexOf(applicant.heldProgrammeId) : -1;
      const last = heldIndex >= 0 ? heldIndex : applicant.choices.length - 1;
      let given = -1;
      for (let index = 0; index <= last; index += 1) {
        if (entry.rules[index] !== null) continue;
        const id = applicant.choices[index];
        if ((left.get(id) ?? 0) > 0) {
          left.set(id, left.get(id)! - 1);
          given = index;
          break;
        }
      }
      if (given >= 0) assignment.set(applicant.id, given);
      else if (applicant.heldProgrammeId) fallen.push(applicant.id);
    }
    if (fallen.length === 0) break;
    for (const id of fallen) kept.add(id);
  }

  const placed = new Map<string, { taken: number; cutoff: number | null }>();
  for (const programme of input.programmes) placed.set(programme.id, { taken: 0, cutoff: null });
  const programmeOf = (entry: Ranked): { id: string; index: number } | null => {
    const { applicant } = entry;
    if (kept.has(applicant.id)) {
      return { id: applicant.heldProgrammeId!, index: applicant.choices.indexOf(applicant.heldProgrammeId!) };
    }
    const index = assignment.get(applicant.id);
    return index === undefined ? null : { id: applicant.choices[index], index };
  };
  for (const entry of ranked) {
    const got = programmeOf(entry);
    if (!got) continue;
    const summary = placed.get(got.id);
    if (!summary) continue;
    summary.taken += 1;
    summary.cutoff = summary.cutoff === null ? entry.score : Math.min(summary.cutoff, entry.score);
  }

  const applications = ranked.map((entry, position): ApplicantOutcome => {
    const got = programmeOf(entry);
    const above = got ? got.index : entry.applicant.choices.length;
    const reasons: ChoiceReason[] = [];
    for (let index = 0; index < above; index += 1) {
      const programmeId = entry.applicant.choices[index];
      const rule = entry.rules[index];
      const rank = index + 1;
      if (rule === 'absent') reasons.push({ programmeId, rank, reason: 'NOT_IN_ROUND' });
      else if (rule) reasons.push({ programmeId, rank, reason: 'NOT_ELIGIBLE', rule });
      else reasons.push({ programmeId, rank, reason: 'FULL', cutoffScore: placed.get(programmeId)!.cutoff });
    }
    return {
      applicationId: entry.applicant.id,
      score: entry.score,
      rank: position + 1,
      programmeId: got ? got.id : null,
      choiceRank: got ? got.index + 1 : null,
      reasons,
    };
  });
  return {
    applications,
    programmes: input.programmes.map((programme) => ({
      programmeId: programme.id,
      capacity: programme.capacity,
      taken: placed.get(programme.id)!.taken,
      cutoffScore: placed.get(programme.id)!.cutoff,
    })),
  };
}
