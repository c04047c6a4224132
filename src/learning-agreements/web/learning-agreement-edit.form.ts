import { BadRequestException } from '@nestjs/common';
/**
 * The learning-agreement edit forms without a page: how their fields are named, how the rows a
 * browser posts become the service's DTO input (blank and removed rows left out), the totals of
 * what the form shows, and where a problem of the DTO (`tableA.1.ects`, `changes.2.reasonCode`)
 * belongs in the form (the row as the student sees it, blank rows included).
 */
import { TERMS, type Term } from '../../common/domain.js';
import { formFields, type FieldProblem } from '../../web/form-validation.js';
import type { LearningAgreementContentResponse } from '../dto/learning-agreement.response.js';
import {
  LA_MAX_COMPONENTS,
  LA_TABLES,
  MIN_SEMESTER_ECTS,
  semestersOf,
  type LaTable,
} from '../learning-agreement-state.js';

export type Fields = Record<string, string | string[]>;
export type Values = Record<string, string | string[] | undefined>;

/** The columns of each table, in the order shown. */
export const COLUMNS: Record<LaTable, readonly string[]> = {
  A: ['title', 'code', 'term', 'ects', 'recognitionConditions'],
  B: ['title', 'code', 'ects'],
  C: ['title', 'code', 'ects', 'description'],
};

/** Blank rows shown under the existing ones. */
export const BLANK_ROWS = 2;
/** Row numbers beyond this are ignored (the service holds LA_MAX_COMPONENTS; a few more show its refusal). */
const MAX_ROW_INDEX = LA_MAX_COMPONENTS * 2;

const text = (fields: Fields | Values, name: string): string => {
  const value = fields[name];
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim();
};
/** A saved value as a form's text (numbers and strings; nothing else is in a component). */
const cellText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const given = (fields: Fields | Values, name: string) => text(fields, name) || undefined;
const checked = (fields: Fields | Values, name: string) => text(fields, name) !== '';

/**
 * The most fields a posted edit form may have. The global validation pipe holds a body to 50
 * fields, far fewer than tables of up to 40 rows need (the changes form of three full tables
 * posts about 1,100), so the handler reads the body itself and holds it to these bounds before
 * building the DTO, which validateForm then checks field by field.
 */
export const FORM_LIMITS = { fields: 1500, text: 10_000, repeats: 4 } as const;

/**
 * The posted form of an agreement page, read within FORM_LIMITS instead of through @Body(): the
 * global pipe's 50 fields and 255 characters a field are too few for the tables, a 40-row results
 * form or a 2,000-character reason. Over the limits is a 400.
 */
export function postedForm(body: unknown): Fields {
  const fields = boundedFields(body);
  if (!fields) throw new BadRequestException({ message: 'The form has too many or too long fields' });
  return fields;
}

/** A posted form's fields without its CSRF token, or undefined when it is over FORM_LIMITS. */
export function boundedFields(body: unknown): Fields | undefined {
  if (!body || typeof body !== 'object') return {};
  const values = Object.values(body as Record<string, unknown>);
  if (values.length > FORM_LIMITS.fields) return undefined;
  const tooBig = (value: unknown) => typeof value === 'string' && value.length > FORM_LIMITS.text;
  for (const value of values) {
    if (tooBig(value)) return undefined;
    if (Array.isArray(value) && (value.length > FORM_LIMITS.repeats || value.some(tooBig))) return undefined;
  }
  return formFields(body);
}

/** ECTS as typed (`7,5` or `7.5`): a number when it reads as one, else the text (refused by the DTO). */
export function ectsOf(value: string): number | string | undefined {
  const typed = value.trim().replace(',', '.');
  if (!typed) return undefined;
  return /^\d{1,3}(\.\d+)?$/.test(typed) ? Number(typed) : typed;
}

/** How many rows of a prefix (`tableA`, `insert.B`) the form posted: the highest row number + 1. */
export function rowCount(fields: Fields | Values, prefix: string): number {
  let count = 0;
  const pattern = new RegExp(`^${prefix.replace('.', '\\.')}\\.(\\d{1,3})\\.`);
  for (const name of Object.keys(fields)) {
    const match = pattern.exec(name);
    if (match && Number(match[1]) < MAX_ROW_INDEX) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

const isBlank = (fields: Fields | Values, prefix: string, table: LaTable) =>
  COLUMNS[table]
    .filter((column) => column !== 'term')
    .every((column) => !text(fields, `${prefix}.${column}`));

/** A component of a table as the DTO takes it (undefined where the field is empty). */
function component(fields: Fields | Values, prefix: string, table: LaTable): Record<string, unknown> {
  const row: Record<string, unknown> = {
    title: given(fields, `${prefix}.title`),
    code: given(fields, `${prefix}.code`),
    ects: ectsOf(text(fields, `${prefix}.ects`)),
  };
  if (table === 'A') {
    row.term = given(fields, `${prefix}.term`);
    row.recognitionConditions = given(fields, `${prefix}.recognitionConditions`);
  }
  if (table === 'C') row.description = given(fields, `${prefix}.description`);
  return row;
}

const tableName = (table: LaTable) => `table${table}` as const;

/** The rows of a table the student means: neither blank nor marked for removal, with their row numbers. */
function meantRows(fields: Fields | Values, table: LaTable, prefix: string = tableName(table)) {
  const rows: Array<{ index: number; row: Record<string, unknown> }> = [];
  for (let index = 0; index < rowCount(fields, prefix); index += 1) {
    const name = `${prefix}.${index}`;
    if (isBlank(fields, name, table) || checked(fields, `${name}.remove`)) continue;
    rows.push({ index, row: component(fields, name, table) });
  }
  return rows;
}

/** Where each DTO item came from: `tableA.1` -> `tableA.3` when row 2 was blank. */
export type PathMap = Record<string, string>;

/** The DraftLearningAgreementDto input of a posted draft form, and where each of its rows came from. */
export function draftInput(fields: Fields): { input: Record<string, unknown>; paths: PathMap } {
  const paths: PathMap = {};
  const input: Record<string, unknown> = {};
  for (const table of LA_TABLES) {
    const rows = meantRows(fields, table);
    rows.forEach(({ index }, position) => {
      paths[`${tableName(table)}.${position}`] = `${tableName(table)}.${index}`;
    });
    if (table !== 'C' || rows.length > 0) input[tableName(table)] = rows.map(({ row }) => row);
  }
  input.shortCreditsReason = given(fields, 'shortCreditsReason');
  const language = given(fields, 'languageCompetence.language');
  const cefrLevel = given(fields, 'languageCompetence.cefrLevel');
  if (language || cefrLevel) input.languageCompetence = { language, cefrLevel };
  const eqf = given(fields, 'eqfLevel');
  if (eqf) input.eqfLevel = /^\d{1,2}$/.test(eqf) ? Number(eqf) : eqf;
  input.subjectArea = given(fields, 'subjectArea');
  for (const side of ['sendingResponsible', 'receivingResponsible']) {
    const person = Object.fromEntries(
      PERSON_FIELDS.map((field) => [field, given(fields, `${side}.${field}`)] as const),
    );
    if (Object.values(person).some(Boolean)) input[side] = person;
  }
  return { input, paths };
}

export const PERSON_FIELDS = ['givenNames', 'familyName', 'position', 'email'] as const;

/** The draft form's values from a saved content (or the mobility's defaults), with blank rows below. */
export function draftValues(
  content: LearningAgreementContentResponse | null,
  defaults: {
    language: string | null;
    cefrLevel: string | null;
    eqfLevel: number | null;
    subjectArea: string | null;
  },
): Values {
  const values: Values = {};
  const tables = {
    A: content?.tableA ?? [],
    B: content?.tableB ?? [],
    C: content?.tableC ?? [],
  };
  for (const table of LA_TABLES) {
    const rows = tables[table] as unknown as Array<Record<string, unknown>>;
    const shown = Math.min(LA_MAX_COMPONENTS, rows.length + BLANK_ROWS);
    for (let index = 0; index < shown; index += 1) {
      for (const column of COLUMNS[table]) {
        const value = rows[index]?.[column];
        values[`${tableName(table)}.${index}.${column}`] = cellText(value);
      }
    }
  }
  values.shortCreditsReason = content?.shortCreditsReason ?? '';
  values['languageCompetence.language'] = content?.languageCompetence?.language ?? defaults.language ?? '';
  values['languageCompetence.cefrLevel'] = content?.languageCompetence?.cefrLevel ?? defaults.cefrLevel ?? '';
  values.eqfLevel = String(content?.eqfLevel ?? defaults.eqfLevel ?? '');
  values.subjectArea = content?.subjectArea ?? defaults.subjectArea ?? '';
  for (const side of ['sendingResponsible', 'receivingResponsible'] as const) {
    for (const field of PERSON_FIELDS) values[`${side}.${field}`] = content?.[side]?.[field] ?? '';
  }
  return values;
}

/** The rows shown per table: what was posted, one more for "add a row", never more than the service holds. */
export function shownRows(values: Values, prefix: string, add: boolean): number {
  const posted = rowCount(values, prefix);
  return Math.min(Math.max(LA_MAX_COMPONENTS, posted), posted + (add ? 1 : 0));
}

/** The table a button "add a row" names (`add=A`), if any. */
export function addedTable(fields: Fields): LaTable | undefined {
  const value = text(fields, 'add');
  return (LA_TABLES as readonly string[]).includes(value) ? (value as LaTable) : undefined;
}

export interface FormTotals {
  tables: Record<LaTable, number>;
  semesters: Array<{ term: 'autumn' | 'spring'; ects: number }>;
  /** A semester of table A under 20 ECTS (with at least one component in table A). */
  short: boolean;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Totals of components as typed: a row without a number of credits counts nothing. */
export function totalsOfRows(
  rows: Record<LaTable, Array<{ ects?: unknown; term?: unknown }>>,
  mobilityTerm: Term,
): FormTotals {
  const credits = (row: { ects?: unknown }) => (typeof row.ects === 'number' ? row.ects : 0);
  const tables = Object.fromEntries(
    LA_TABLES.map((table) => [table, round(rows[table].reduce((sum, row) => sum + credits(row), 0))]),
  ) as Record<LaTable, number>;
  const semesters = semestersOf(mobilityTerm).map((term) => ({
    term,
    ects: round(
      rows.A.reduce(
        (sum, row) =>
          sum + (row.term === term ? credits(row) : row.term === 'full-year' ? credits(row) / 2 : 0),
        0,
      ),
    ),
  }));
  return {
    tables,
    semesters,
    short: rows.A.length > 0 && semesters.some((semester) => semester.ects < MIN_SEMESTER_ECTS),
  };
}

/** The totals of a draft form as shown (blank and removed rows left out). */
export function draftTotals(values: Values, mobilityTerm: Term): FormTotals {
  const rows = Object.fromEntries(
    LA_TABLES.map((table) => [table, meantRows(values, table).map(({ row }) => row)]),
  ) as Record<LaTable, Array<Record<string, unknown>>>;
  return totalsOfRows(rows, mobilityTerm);
}

/** Problems of the DTO moved to the form's fields: `tableA.1.ects` -> `tableA.3.ects`. */
export function problemsInForm(problems: FieldProblem[], paths: PathMap): FieldProblem[] {
  return problems.map(({ field, constraints }) => {
    const match = /^([A-Za-z]+\.\d+)(\..*)?$/.exec(field);
    const moved = match && paths[match[1]] ? `${paths[match[1]]}${match[2] ?? ''}` : field;
    return { field: moved, constraints };
  });
}

// Changes after the first approval ----------------------------------------------------------

/** What the approved version holds, per table, as the changes form lists it. */
export type ApprovedTables = Record<
  LaTable,
  Array<{ code: string; title: string; ects: number; term?: Term }>
>;

export const approvedTables = (content: LearningAgreementContentResponse): ApprovedTables => ({
  A: content.tableA,
  B: content.tableB,
  C: content.tableC,
});

/**
 * The ProposeChangesDto input of a posted changes form: a change per approved component marked
 * "delete" (`delete.A.0.selected`) and per inserted row that is not blank (`insert.A.0.title`).
 */
export function changesInput(
  fields: Fields,
  approved: ApprovedTables,
): { input: Record<string, unknown>; paths: PathMap } {
  const changes: Array<Record<string, unknown>> = [];
  const paths: PathMap = {};
  for (const table of LA_TABLES) {
    approved[table].forEach((item, index) => {
      const prefix = `delete.${table}.${index}`;
      if (!checked(fields, `${prefix}.selected`)) return;
      paths[`changes.${changes.length}`] = prefix;
      changes.push({
        table,
        action: 'delete',
        code: item.code,
        reasonCode: given(fields, `${prefix}.reasonCode`),
        reasonText: given(fields, `${prefix}.reasonText`),
      });
    });
    for (const { index, row } of meantRows(fields, table, `insert.${table}`)) {
      const prefix = `insert.${table}.${index}`;
      paths[`changes.${changes.length}`] = prefix;
      changes.push({
        table,
        action: 'insert',
        ...row,
        reasonCode: given(fields, `${prefix}.reasonCode`),
        reasonText: given(fields, `${prefix}.reasonText`),
      });
    }
  }
  return { input: { changes, shortCreditsReason: given(fields, 'shortCreditsReason') }, paths };
}

/** The totals of the approved tables after the changes as typed. */
export function changesTotals(values: Values, approved: ApprovedTables, mobilityTerm: Term): FormTotals {
  const rows = Object.fromEntries(
    LA_TABLES.map((table) => [
      table,
      [
        ...approved[table].filter((_item, index) => !checked(values, `delete.${table}.${index}.selected`)),
        ...meantRows(values, table, `insert.${table}`).map(({ row }) => row),
      ],
    ]),
  ) as Record<LaTable, Array<{ ects?: unknown; term?: unknown }>>;
  return totalsOfRows(rows, mobilityTerm);
}

/**
 * The changes form's values: the changes of a pending proposal (the latest version, after the
 * last approved one) as they were asked, and a blank row to insert per table.
 */
export function changesValues(
  approved: LearningAgreementContentResponse,
  pending: LearningAgreementContentResponse | null,
): Values {
  const values: Values = {};
  const tables = approvedTables(approved);
  const asked = pending
    ? pending.changes.filter(
        (change) =>
          !approved.changes.some(
            (old) => old.table === change.table && old.code === change.code && old.action === change.action,
          ),
      )
    : [];
  const pendingTables = pending ? approvedTables(pending) : undefined;
  for (const table of LA_TABLES) {
    tables[table].forEach((item, index) => {
      const change = asked.find((c) => c.table === table && c.action === 'deleted' && c.code === item.code);
      if (!change) return;
      values[`delete.${table}.${index}.selected`] = item.code;
      values[`delete.${table}.${index}.reasonCode`] = change.reasonCode;
      values[`delete.${table}.${index}.reasonText`] = change.reasonText ?? '';
    });
    const inserted = asked.filter((c) => c.table === table && c.action === 'inserted');
    const rows = inserted.map((change) => ({
      change,
      item: (pendingTables?.[table] as unknown as Array<Record<string, unknown>> | undefined)?.find(
        (c) => c.code === change.code,
      ),
    }));
    for (let index = 0; index < rows.length + 1; index += 1) {
      const { change, item } = rows[index] ?? {};
      for (const column of COLUMNS[table]) {
        const value = item?.[column];
        values[`insert.${table}.${index}.${column}`] = cellText(value);
      }
      values[`insert.${table}.${index}.reasonCode`] = change?.reasonCode ?? '';
      values[`insert.${table}.${index}.reasonText`] = change?.reasonText ?? '';
    }
  }
  values.shortCreditsReason = pending?.shortCreditsReason ?? approved.shortCreditsReason ?? '';
  return values;
}

/** Terms a component of table A may have. */
export const COMPONENT_TERMS = TERMS;
