import { dayIn, instantAt } from '../../common/zoned-time.js';
import { listOf, textOf } from '../../web/form-validation.js';
import type { ProgrammeResponse } from '../dto/programme.response.js';

type Fields = Record<string, string | string[]>;

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Applications open at the start of the day given and close at its last minute. */
export const OPENS_AT_TIME = '00:00';
export const CLOSES_AT_TIME = '23:59';

/** The values a programme's form starts with (windows as days in the portal's time zone). */
export function programmeFormValues(
  programme: ProgrammeResponse,
  timeZone: string,
): Record<string, string | string[]> {
  return {
    title: programme.title,
    hostInstitutionId: programme.hostInstitutionId,
    agreementId: programme.agreementId ?? '',
    academicYear: programme.academicYear,
    term: programme.term,
    startDate: programme.startDate,
    endDate: programme.endDate,
    applicationOpensAt: dayIn(new Date(programme.applicationOpensAt), timeZone),
    applicationClosesAt: dayIn(new Date(programme.applicationClosesAt), timeZone),
    places: String(programme.places),
    eligibleFacultyIds: programme.eligibleFacultyIds,
    languageOfInstruction: programme.languageOfInstruction ?? '',
    minLanguageLevel: programme.minLanguageLevel ?? '',
    description: programme.description,
    status: programme.status,
  };
}

/**
 * What the form sent, as the API's CreateProgrammeDto input: empty optional fields are null
 * (cleared), a window day becomes the instant it starts (opening) or ends (closing) in the time
 * zone, and a day left as it was keeps the programme's exact instant.
 */
export function programmeInput(
  fields: Fields,
  timeZone: string,
  current?: ProgrammeResponse,
): Record<string, unknown> {
  const instant = (name: 'applicationOpensAt' | 'applicationClosesAt', time: string) => {
    const day = textOf(fields, name);
    if (!day || !CALENDAR_DAY.test(day)) return day;
    const original = current ? new Date(current[name]) : undefined;
    if (original && dayIn(original, timeZone) === day) return original.toISOString();
    const at = instantAt(day, time, timeZone);
    return Number.isNaN(at.getTime()) ? day : at.toISOString();
  };
  return {
    title: textOf(fields, 'title'),
    hostInstitutionId: textOf(fields, 'hostInstitutionId'),
    agreementId: textOf(fields, 'agreementId') ?? null,
    academicYear: textOf(fields, 'academicYear'),
    term: textOf(fields, 'term'),
    startDate: textOf(fields, 'startDate'),
    endDate: textOf(fields, 'endDate'),
    applicationOpensAt: instant('applicationOpensAt', OPENS_AT_TIME),
    applicationClosesAt: instant('applicationClosesAt', CLOSES_AT_TIME),
    places: textOf(fields, 'places'),
    eligibleFacultyIds: listOf(fields, 'eligibleFacultyIds'),
    languageOfInstruction: textOf(fields, 'languageOfInstruction') ?? null,
    minLanguageLevel: textOf(fields, 'minLanguageLevel') ?? null,
    description: typeof fields.description === 'string' ? fields.description : '',
    status: textOf(fields, 'status'),
  };
}
