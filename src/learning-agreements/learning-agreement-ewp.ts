/**
 * A learning agreement as an EWP OMobility LAs `get-response` document (stable-v1, 1.2.0): what an
 * EWP partner's system reads, and what is archived for a partner outside the network. The element
 * order is the schema's. `first-version` is the first approved version; `approved-changes` the
 * changes of the last approved one after it (inserted and deleted components with their reasons);
 * `changes-proposal` the proposal waiting for the receiving side (its `id` is the content hash).
 * An agreement with neither an approved version nor a proposal is not listed (EWP requires one).
 * The tests validate every document against the official XSD (test/ewp-schemas/).
 */
import type { Term } from '../common/domain.js';
import type { Faculty } from '../institutions/faculty.entity.js';
import type { Institution } from '../institutions/institution.entity.js';
import { xmlText } from '../outgoing/ewp-xml.js';
import type { OutgoingMobility } from '../outgoing/outgoing-mobility.entity.js';
import type { LaContent, LaParty, LaResponsiblePerson, LaTable } from './learning-agreement-state.js';

export const OMOBILITY_LAS_NAMESPACE =
  'https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd';
const TERM_NAMESPACE =
  'https://github.com/erasmus-without-paper/ewp-specs-types-academic-term/tree/stable-v2';

/** The application that signed, as EWP's `signer-app` names it. */
export const SIGNER_APP = 'Mobility portal';

export interface EwpSignature {
  party: LaParty;
  name: string;
  position: string | null;
  email: string;
  signedAt: Date;
}

export interface EwpVersion {
  content: LaContent;
  hash: string;
  signatures: EwpSignature[];
}

export interface EwpAgreement {
  mobility: OutgoingMobility;
  firstVersion: EwpVersion | null;
  /** The last approved version when it is a change after the first one. */
  approvedChanges: EwpVersion | null;
  /** The latest version when it waits for the receiving side. */
  proposal: EwpVersion | null;
}

const ASCII_IDENTIFIER = /^[\x21-\x7E]{1,64}$/;
const EWP_EMAIL = /^[^@]+@[^.]+\..+$/;

const el = (name: string, value: string | number | null | undefined, indent: string): string[] =>
  value === null || value === undefined || value === ''
    ? []
    : [`${indent}<${name}>${xmlText(String(value))}</${name}>`];

/** EWP's term id of a component's term: its number and the number of terms of the year. */
const termId = (term: Term, indent: string): string[] => {
  const [number, total] = term === 'autumn' ? [1, 2] : term === 'spring' ? [2, 2] : [1, 1];
  return [
    `${indent}<term-id>`,
    `${indent}  <trm:term-number>${number}</trm:term-number>`,
    `${indent}  <trm:total-terms>${total}</trm:total-terms>`,
    `${indent}</term-id>`,
  ];
};

const credit = (ects: number, indent: string) => [
  `${indent}<credit>`,
  `${indent}  <scheme>ects</scheme>`,
  `${indent}  <value>${ects}</value>`,
  `${indent}</credit>`,
];

function hei(
  institution: Institution,
  faculty: Faculty | null | undefined,
  person: LaResponsiblePerson | null,
  indent: string,
): string[] {
  const inner = `${indent}  `;
  return [
    ...el('hei-id', institution.schacCode, inner),
    ...el('ounit-name', faculty?.name, inner),
    ...(faculty && ASCII_IDENTIFIER.test(faculty.id) ? el('ounit-id', faculty.id, inner) : []),
    `${inner}<contact-person>`,
    ...el('given-names', person?.givenNames ?? institution.name, `${inner}  `),
    ...el('family-name', person?.familyName ?? institution.name, `${inner}  `),
    ...el('email', person?.email, `${inner}  `),
    `${inner}</contact-person>`,
  ];
}

interface XmlComponent {
  title: string;
  code: string;
  term: Term | null;
  ects: number;
  description: string | null;
  status?: { action: 'inserted' | 'deleted'; reasonCode: string; reasonText: string | null };
}

function component(c: XmlComponent, indent: string): string[] {
  const inner = `${indent}  `;
  const attributes = c.status
    ? ` status="${c.status.action}" reason-code="${c.status.reasonCode}"${
        c.status.reasonText ? ` reason-text="${xmlAttribute(c.status.reasonText)}"` : ''
      }`
    : '';
  return [
    `${indent}<component${attributes}>`,
    ...el('los-code', c.code, inner),
    ...el('title', c.title, inner),
    ...(c.term ? termId(c.term, inner) : []),
    ...credit(c.ects, inner),
    ...el('short-description', c.description, inner),
    `${indent}</component>`,
  ];
}

const xmlAttribute = (value: string) =>
  xmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/[\t\n\r]/g, ' ');

/** The components of each table of a content, or (for a change) its inserted and deleted ones. */
function tables(
  content: LaContent,
  mobilityTerm: Term,
  changesOnly: boolean,
): Record<LaTable, XmlComponent[]> {
  const all: Record<LaTable, XmlComponent[]> = {
    A: content.tableA.map((c) => ({ ...c, description: null })),
    B: content.tableB.map((c) => ({ ...c, term: mobilityTerm, description: null })),
    C: content.tableC.map((c) => ({ ...c, term: null })),
  };
  if (!changesOnly) return all;
  const result: Record<LaTable, XmlComponent[]> = { A: [], B: [], C: [] };
  for (const change of content.changes) {
    const inserted = all[change.table].find((c) => c.code === change.code);
    result[change.table].push({
      title: change.title,
      code: change.code,
      term: inserted?.term ?? (change.table === 'C' ? null : mobilityTerm),
      ects: inserted?.ects ?? 0,
      description: change.table === 'C' ? (inserted?.description ?? change.title) : null,
      status: { action: change.action, reasonCode: change.reasonCode, reasonText: change.reasonText },
    });
  }
  return result;
}

function signature(name: string, s: EwpSignature | undefined, indent: string): string[] {
  if (!s) return [];
  const inner = `${indent}  `;
  const staff = s.party !== 'student';
  return [
    `${indent}<${name}>`,
    ...(staff ? el('signer-name', s.name, inner) : []),
    ...(staff ? el('signer-position', s.position, inner) : []),
    ...(staff && EWP_EMAIL.test(s.email) ? el('signer-email', s.email, inner) : []),
    ...el('timestamp', s.signedAt.toISOString(), inner),
    ...el('signer-app', SIGNER_APP, inner),
    `${indent}</${name}>`,
  ];
}

function componentLists(
  element: string,
  version: EwpVersion,
  mobilityTerm: Term,
  changesOnly: boolean,
  indent: string,
  attributes = '',
): string[] {
  const inner = `${indent}  `;
  const list = tables(version.content, mobilityTerm, changesOnly);
  const wrap = (name: string, items: XmlComponent[]) =>
    items.length === 0
      ? []
      : [`${inner}<${name}>`, ...items.flatMap((c) => component(c, `${inner}  `)), `${inner}</${name}>`];
  const by = (party: LaParty) => version.signatures.find((s) => s.party === party);
  return [
    `${indent}<${element}${attributes}>`,
    ...wrap('components-studied', list.A),
    ...wrap('components-recognized', list.B),
    ...wrap('virtual-components', list.C),
    ...signature('student-signature', by('student'), inner),
    ...signature('sending-hei-signature', by('sending'), inner),
    ...signature('receiving-hei-signature', by('receiving'), inner),
    `${indent}</${element}>`,
  ];
}

function la(agreement: EwpAgreement): string[] {
  const { mobility, firstVersion, approvedChanges, proposal } = agreement;
  const shown = proposal ?? approvedChanges ?? firstVersion;
  if (!shown) return [];
  const content = shown.content;
  const i2 = '    ';
  const i3 = '      ';
  const language = content.languageCompetence;
  return [
    '  <la>',
    ...el('omobility-id', mobility.id, i2),
    `${i2}<sending-hei>`,
    ...hei(mobility.sendingInstitution!, mobility.sendingFaculty, content.sendingResponsible, i2),
    `${i2}</sending-hei>`,
    `${i2}<receiving-hei>`,
    ...hei(mobility.receivingInstitution!, mobility.receivingFaculty, content.receivingResponsible, i2),
    `${i2}</receiving-hei>`,
    ...el('receiving-academic-year-id', mobility.academicYear, i2),
    `${i2}<student>`,
    ...el('given-names', mobility.firstName, i3),
    ...el('family-name', mobility.lastName, i3),
    ...el('global-id', mobility.globalId, i3),
    ...el('birth-date', mobility.birthDate, i3),
    ...el('citizenship', mobility.citizenship, i3),
    ...(EWP_EMAIL.test(mobility.email) ? el('email', mobility.email, i3) : []),
    `${i2}</student>`,
    ...el('start-date', mobility.actualArrival ?? mobility.plannedArrival, i2),
    ...el('end-date', mobility.actualDeparture ?? mobility.plannedDeparture, i2),
    ...el('eqf-level-studied-at-departure', content.eqfLevel, i2),
    ...el('isced-f-code', content.subjectArea, i2),
    `${i2}<student-language-skill>`,
    ...el('language', language?.language, i3),
    ...el('cefr-level', language?.cefrLevel, i3),
    `${i2}</student-language-skill>`,
    ...(firstVersion ? componentLists('first-version', firstVersion, mobility.term, false, i2) : []),
    ...(approvedChanges ? componentLists('approved-changes', approvedChanges, mobility.term, true, i2) : []),
    ...(proposal
      ? componentLists(
          'changes-proposal',
          proposal,
          mobility.term,
          firstVersion !== null,
          i2,
          ` id="${proposal.hash}"`,
        )
      : []),
    '  </la>',
  ];
}

/** The `omobility-las-get-response` document of some agreements. */
export function omobilityLasGetResponse(agreements: readonly EwpAgreement[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<omobility-las-get-response xmlns="${OMOBILITY_LAS_NAMESPACE}" xmlns:trm="${TERM_NAMESPACE}">`,
    ...agreements.flatMap(la),
    '</omobility-las-get-response>',
    '',
  ].join('\n');
}
