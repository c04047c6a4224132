/**
 * The rules of a learning agreement, without a database (the rule module of `src/common/workflow.ts`).
 *
 * An agreement is a list of append-only versions. A version's content is JSON (tables A, B, C,
 * the student's language competence, the responsible persons of both sides, and for a change
 * during the mobility the changes since the first version), identified by the SHA-256 of its
 * canonical JSON. Its status is derived from what was recorded on it, never stored:
 *
 * - `draft`: not yet signed by both the student and the sending side;
 * - `proposal`: signed by both, waiting for the receiving side;
 * - `approved`: signed by the receiving side too;
 * - `rejected`: commented on by the receiving side (a comment is a rejection with its reason);
 * - `superseded`: a newer version replaced it before it was approved or rejected.
 *
 * Before the first approval a new version carries the whole tables (EWP's first version); after
 * it, a version is a change (EWP's changes proposal): inserted and deleted components, each with an
 * EWP reason code and a text, applied to the last approved content.
 */
import { createHash } from 'node:crypto';
import { HttpStatus } from '@nestjs/common';
import type { CefrLevel, Term } from '../common/domain.js';
import { DomainException, InvalidInputError } from '../common/errors/domain.exception.js';
import { LearningAgreementErrorCode } from './learning-agreement-error-codes.js';

/** Components per table at most (a draft's tables and what changes leave in them). */
export const LA_MAX_COMPONENTS = 40;

export const LA_PARTIES = ['student', 'sending', 'receiving'] as const;
export type LaParty = (typeof LA_PARTIES)[number];

export const LA_VERSION_STATUSES = ['draft', 'proposal', 'approved', 'rejected', 'superseded'] as const;
export type LaVersionStatus = (typeof LA_VERSION_STATUSES)[number];

/** EWP's reason codes of a changed component. */
export const LA_REASON_CODES = [
  'not-available',
  'language-mismatch',
  'timetable-conflict',
  'substituting-deleted',
  'extending-mobility',
  'adding-virtual-component',
] as const;
export type LaReasonCode = (typeof LA_REASON_CODES)[number];

export const LA_TABLES = ['A', 'B', 'C'] as const;
export type LaTable = (typeof LA_TABLES)[number];

export const LA_MOBILITY_KINDS = ['outgoing', 'incoming'] as const;
export type LaMobilityKind = (typeof LA_MOBILITY_KINDS)[number];

/** Table A: a component studied at the receiving institution. */
export interface LaStudiedComponent {
  title: string;
  code: string;
  term: Term;
  ects: number;
  recognitionConditions: string | null;
}

/** Table B: a component recognised at the sending institution. */
export interface LaRecognisedComponent {
  title: string;
  code: string;
  ects: number;
}

/** Table C: a virtual component. */
export interface LaVirtualComponent {
  title: string;
  code: string;
  ects: number;
  description: string;
}

export interface LaResponsiblePerson {
  givenNames: string;
  familyName: string;
  position: string;
  email: string;
}

export interface LaLanguageCompetence {
  language: string;
  cefrLevel: CefrLevel;
}

/** One inserted or deleted component, since the first version. */
export interface LaChange {
  table: LaTable;
  action: 'inserted' | 'deleted';
  code: string;
  title: string;
  reasonCode: LaReasonCode;
  reasonText: string | null;
}

export interface LaContent {
  tableA: LaStudiedComponent[];
  tableB: LaRecognisedComponent[];
  tableC: LaVirtualComponent[];
  /** Required when a semester has less than 20 ECTS in table A. */
  shortCreditsReason: string | null;
  languageCompetence: LaLanguageCompetence | null;
  /** EQF level studied at departure (6 bachelor, 7 master, 8 doctorate). */
  eqfLevel: number | null;
  /** ISCED-F code of the field of education. */
  subjectArea: string | null;
  sendingResponsible: LaResponsiblePerson | null;
  receivingResponsible: LaResponsiblePerson | null;
  /** Empty in the first version; the changes since the first version afterwards. */
  changes: LaChange[];
}

/** Fewer ECTS than this in table A for a semester needs a written reason. */
export const MIN_SEMESTER_ECTS = 20;

/** JSON with object keys sorted at every level and no whitespace: one text per content. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical JSON of a content: what a signature signs. */
export function contentHash(content: LaContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

const sum = (values: number[]) => Math.round(values.reduce((total, value) => total + value, 0) * 10) / 10;

export interface LaTotals {
  tableA: number;
  tableB: number;
  tableC: number;
  /** Table A per semester of the mobility (a full-year component counts half in each). */
  semesters: Array<{ term: 'autumn' | 'spring'; ects: number }>;
}

/** The semesters a mobility of `term` spans. */
export const semestersOf = (term: Term): Array<'autumn' | 'spring'> =>
  term === 'full-year' ? ['autumn', 'spring'] : [term];

export function totalsOf(content: LaContent, mobilityTerm: Term): LaTotals {
  return {
    tableA: sum(content.tableA.map((c) => c.ects)),
    tableB: sum(content.tableB.map((c) => c.ects)),
    tableC: sum(content.tableC.map((c) => c.ects)),
    semesters: semestersOf(mobilityTerm).map((term) => ({
      term,
      ects: sum(
        content.tableA.map((c) => (c.term === term ? c.ects : c.term === 'full-year' ? c.ects / 2 : 0)),
      ),
    })),
  };
}

/** Codes are unique within a table (a change names the component it deletes by its code). */
export function assertUniqueCodes(content: Pick<LaContent, 'tableA' | 'tableB' | 'tableC'>): void {
  for (const [name, table] of [
    ['tableA', content.tableA],
    ['tableB', content.tableB],
    ['tableC', content.tableC],
  ] as const) {
    const seen = new Set<string>();
    for (const component of table) {
      if (seen.has(component.code)) {
        throw new InvalidInputError(`${name} lists the code ${component.code} twice`, [name]);
      }
      seen.add(component.code);
    }
  }
}

/**
 * What a content still lacks to be signed (empty when complete): at least one component in
 * tables A and B, the language competence, the EQF level, the field of education, both
 * responsible persons, and a reason for a semester under 20 ECTS in table A.
 */
export function missingForSignature(content: LaContent, mobilityTerm: Term): string[] {
  const missing: string[] = [];
  if (content.tableA.length === 0) missing.push('tableA');
  if (content.tableB.length === 0) missing.push('tableB');
  if (!content.languageCompetence) missing.push('languageCompetence');
  if (content.eqfLevel === null) missing.push('eqfLevel');
  if (content.subjectArea === null) missing.push('subjectArea');
  if (!content.sendingResponsible) missing.push('sendingResponsible');
  if (!content.receivingResponsible) missing.push('receivingResponsible');
  const short = totalsOf(content, mobilityTerm).semesters.some((s) => s.ects < MIN_SEMESTER_ECTS);
  if (short && !content.shortCreditsReason) missing.push('shortCreditsReason');
  return missing;
}

/** What was recorded on one version, as its status reads it. */
export interface LaVersionFacts {
  parties: readonly LaParty[];
  commented: boolean;
  isLatest: boolean;
}

export function versionStatus(facts: LaVersionFacts): LaVersionStatus {
  if (facts.commented) return 'rejected';
  const signed = (party: LaParty) => facts.parties.includes(party);
  if (signed('student') && signed('sending') && signed('receiving')) return 'approved';
  if (!facts.isLatest) return 'superseded';
  if (signed('student') && signed('sending')) return 'proposal';
  return 'draft';
}

/** A version with any signature or comment is frozen: a change makes a new version. */
export const isFrozen = (facts: Pick<LaVersionFacts, 'parties' | 'commented'>) =>
  facts.parties.length > 0 || facts.commented;

/** The parties that still have to sign a version, in the order the procedure asks them. */
export function nextSigners(status: LaVersionStatus, parties: readonly LaParty[]): LaParty[] {
  if (status === 'draft') return (['student', 'sending'] as const).filter((p) => !parties.includes(p));
  if (status === 'proposal') return ['receiving'];
  return [];
}

const stale = (expected: string, given: string) =>
  new DomainException(
    LearningAgreementErrorCode.STALE,
    'The learning agreement changed since it was read: the hash given is not the one of its latest version',
    HttpStatus.CONFLICT,
    { expected, given },
  );

/**
 * The rule of a signature: on the latest version, with its hash; the student and the sending
 * side sign a draft (in either order), the receiving side a proposal; each party once.
 */
export function assertCanSign(
  latest: { hash: string; status: LaVersionStatus; parties: readonly LaParty[] },
  party: LaParty,
  hash: string,
): void {
  if (latest.hash !== hash) throw stale(latest.hash, hash);
  if (latest.parties.includes(party)) {
    throw new DomainException(
      LearningAgreementErrorCode.ALREADY_SIGNED,
      `The ${party} side has already signed this version`,
      HttpStatus.CONFLICT,
      { party, status: latest.status },
    );
  }
  const allowed = party === 'receiving' ? latest.status === 'proposal' : latest.status === 'draft';
  if (!allowed) {
    throw new DomainException(
      LearningAgreementErrorCode.NOT_SIGNABLE,
      `The ${party} side cannot sign a version that is ${latest.status}`,
      HttpStatus.CONFLICT,
      { party, status: latest.status },
    );
  }
}

/** The rule of a comment (the receiving side's rejection): on the latest version, a proposal. */
export function assertCanComment(latest: { hash: string; status: LaVersionStatus }, hash: string): void {
  if (latest.hash !== hash) throw stale(latest.hash, hash);
  if (latest.status !== 'proposal') {
    throw new DomainException(
      LearningAgreementErrorCode.NOT_SIGNABLE,
      `Only a proposal can be commented on; this version is ${latest.status}`,
      HttpStatus.CONFLICT,
      { party: 'receiving', status: latest.status },
    );
  }
}

/** A change asked by the student or the sending side, relative to the last approved content. */
export interface LaChangeRequest {
  table: LaTable;
  action: 'insert' | 'delete';
  code: string;
  title?: string;
  term?: Term;
  ects?: number;
  recognitionConditions?: string;
  description?: string;
  reasonCode: LaReasonCode;
  reasonText?: string;
}

const tableKey = { A: 'tableA', B: 'tableB', C: 'tableC' } as const;

/**
 * The content of a change: the last approved content with the components deleted and inserted,
 * and the changes since the first version (a deletion of a component inserted by an earlier
 * change cancels that insertion rather than being listed).
 */
export function applyChanges(
  approved: LaContent,
  requests: readonly LaChangeRequest[],
  shortCreditsReason: string | null | undefined,
): LaContent {
  const next: LaContent = structuredClone(approved);
  if (shortCreditsReason !== undefined) next.shortCreditsReason = shortCreditsReason;
  requests.forEach((request, index) => {
    const key = tableKey[request.table];
    const field = `changes[${index}]`;
    const table = next[key] as Array<{ code: string; title: string }>;
    const position = table.findIndex((component) => component.code === request.code);
    if (request.action === 'delete') {
      if (position < 0) {
        throw new InvalidInputError(
          `table ${request.table} of the approved version has no component ${request.code}`,
          [field],
        );
      }
      const [removed] = table.splice(position, 1);
      const earlier = next.changes.findIndex(
        (c) => c.table === request.table && c.code === request.code && c.action === 'inserted',
      );
      if (earlier >= 0) next.changes.splice(earlier, 1);
      else next.changes.push(change(request, removed.title, 'deleted'));
      return;
    }
    if (position >= 0) {
      throw new InvalidInputError(`table ${request.table} already has a component ${request.code}`, [field]);
    }
    if (!request.title || request.ects === undefined) {
      throw new InvalidInputError('an inserted component needs its title and ects', [field]);
    }
    if (request.table === 'A') {
      if (!request.term) throw new InvalidInputError('a component of table A needs its term', [field]);
      next.tableA.push({
        title: request.title,
        code: request.code,
        term: request.term,
        ects: request.ects,
        recognitionConditions: request.recognitionConditions ?? null,
      });
    } else if (request.table === 'B') {
      next.tableB.push({ title: request.title, code: request.code, ects: request.ects });
    } else {
      if (!request.description) {
        throw new InvalidInputError('a virtual component (table C) needs its description', [field]);
      }
      next.tableC.push({
        title: request.title,
        code: request.code,
        ects: request.ects,
        description: request.description,
      });
    }
    next.changes.push(change(request, request.title, 'inserted'));
  });
  for (const [table, key] of Object.entries(tableKey)) {
    if (next[key].length > LA_MAX_COMPONENTS) {
      throw new InvalidInputError(
        `table ${table} would have ${next[key].length} components after these changes, more than ${LA_MAX_COMPONENTS}`,
        ['changes'],
      );
    }
  }
  return next;
}

const change = (request: LaChangeRequest, title: string, action: LaChange['action']): LaChange => ({
  table: request.table,
  action,
  code: request.code,
  title,
  reasonCode: request.reasonCode,
  reasonText: request.reasonText ?? null,
});
