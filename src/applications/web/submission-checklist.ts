/**
 * What a draft still lacks before it can be submitted, said item by item instead of failing on the
 * first: the same rule functions the service runs on submit (application-state.ts), one at a time,
 * each refusal turned into a line the page words in its language.
 */
import type { CefrLevel } from '../../common/domain.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import {
  checkEligibility,
  checkMotivation,
  checkWindows,
  MOTIVATION_MAX,
  MOTIVATION_MIN,
  type LanguageSkill,
  type ProgrammeFacts,
} from '../application-state.js';

export interface ChecklistItem {
  ok: boolean;
  /** Message key; its values are plain text, numbers, or instants the page formats. */
  key: string;
  values: Record<string, string | number | Date>;
}

export interface ChecklistInput {
  motivation: string | null;
  languageSkills: readonly LanguageSkill[];
  homeFacultyId: string | null;
  /** The choices' programmes, first wish first, as they are now. */
  programmes: readonly ProgrammeFacts[];
  now: Date;
}

function refusal(run: () => void): DomainException | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
}

export function submissionChecklist(input: ChecklistInput): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const length = input.motivation?.trim().length ?? 0;
  const motivationProblem = refusal(() => checkMotivation(input.motivation));
  items.push({
    ok: !motivationProblem,
    key: motivationProblem
      ? length < MOTIVATION_MIN
        ? 'applications.check.motivation.short'
        : 'applications.check.motivation.long'
      : 'applications.check.motivation.ok',
    values: { count: length, min: MOTIVATION_MIN, max: MOTIVATION_MAX },
  });

  for (const programme of input.programmes) {
    const title = programme.title;
    const windowProblem = refusal(() => checkWindows([programme], input.now));
    if (!windowProblem) {
      items.push({
        ok: true,
        key: 'applications.check.window.ok',
        values: { title, closes: programme.applicationClosesAt },
      });
    } else if (programme.status !== 'published') {
      items.push({ ok: false, key: 'applications.check.window.withdrawn', values: { title } });
    } else if (input.now.getTime() < programme.applicationOpensAt.getTime()) {
      items.push({
        ok: false,
        key: 'applications.check.window.notYet',
        values: { title, opens: programme.applicationOpensAt },
      });
    } else {
      items.push({
        ok: false,
        key: 'applications.check.window.closed',
        values: { title, closes: programme.applicationClosesAt },
      });
    }

    // The faculty rule and the language rule one at a time, so a student sees both when both block.
    const student = { homeFacultyId: input.homeFacultyId, languageSkills: input.languageSkills };
    const facultyProblem = refusal(() =>
      checkEligibility(student, [{ ...programme, minLanguageLevel: null }]),
    );
    const languageProblem = refusal(() =>
      checkEligibility(student, [{ ...programme, eligibleFacultyIds: [] }]),
    );
    if (!facultyProblem && !languageProblem) {
      items.push({ ok: true, key: 'applications.check.eligible.ok', values: { title } });
    }
    if (facultyProblem) {
      items.push({
        ok: false,
        key: input.homeFacultyId ? 'applications.check.faculty.other' : 'applications.check.faculty.none',
        values: { title },
      });
    }
    if (languageProblem) {
      items.push({
        ok: false,
        key: programme.languageOfInstruction
          ? 'applications.check.language'
          : 'applications.check.anyLanguage',
        values: {
          title,
          level: programme.minLanguageLevel as CefrLevel,
          language: programme.languageOfInstruction?.trim().toLowerCase() ?? '',
        },
      });
    }
  }
  return items;
}

/** True when nothing blocks the submission. */
export const readyToSubmit = (items: readonly ChecklistItem[]) => items.every((item) => item.ok);
