/**
 * Outgoing mobilities as an EWP OMobilities `get-response` document (stable-v2): what an EWP
 * partner's system reads, and what is archived for a partner outside the network. The element
 * order is the schema's; optional elements are left out when the portal does not know them.
 * The tests validate every document against the official XSD (test/ewp-schemas/).
 */
import type { OutgoingMobility } from './outgoing-mobility.entity.js';
import { ewpTermId } from './outgoing-state.js';

export const OMOBILITIES_NAMESPACE =
  'https://github.com/erasmus-without-paper/ewp-specs-api-omobilities/blob/stable-v2/endpoints/get-response.xsd';

/** Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content, escaped, without the characters XML cannot hold. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** EWP's AsciiPrintableIdentifier: 1 to 64 printable ASCII characters. */
const ASCII_IDENTIFIER = /^[\x21-\x7E]{1,64}$/;
/** The schema's (deliberately loose) e-mail pattern. */
const EWP_EMAIL = /^[^@]+@[^.]+\..+$/;

const element = (name: string, value: string | number | null | undefined, indent: string): string[] =>
  value === null || value === undefined || value === ''
    ? []
    : [`${indent}<${name}>${xmlText(String(value))}</${name}>`];

const identifier = (name: string, value: string | null | undefined, indent: string): string[] =>
  value && ASCII_IDENTIFIER.test(value) ? element(name, value, indent) : [];

/** One `student-mobility`, for a mobility loaded with its institutions and faculties. */
function studentMobility(mobility: OutgoingMobility): string[] {
  const i2 = '    ';
  const i3 = '      ';
  return [
    '  <student-mobility>',
    ...element('omobility-id', mobility.id, i2),
    `${i2}<sending-hei>`,
    ...element('hei-id', mobility.sendingInstitution!.schacCode, i3),
    ...identifier('ounit-id', mobility.sendingFacultyId, i3),
    ...identifier('iia-id', mobility.agreementId, i3),
    `${i2}</sending-hei>`,
    `${i2}<receiving-hei>`,
    ...element('hei-id', mobility.receivingInstitution!.schacCode, i3),
    ...identifier('ounit-id', mobility.receivingFacultyId, i3),
    `${i2}</receiving-hei>`,
    ...element('sending-academic-term-ewp-id', ewpTermId(mobility.academicYear, mobility.term), i2),
    ...element('receiving-academic-year-id', mobility.academicYear, i2),
    `${i2}<student>`,
    ...element('given-names', mobility.firstName, i3),
    ...element('family-name', mobility.lastName, i3),
    ...element('global-id', mobility.globalId, i3),
    ...element('birth-date', mobility.birthDate, i3),
    ...element('citizenship', mobility.citizenship, i3),
    ...(EWP_EMAIL.test(mobility.email) ? element('email', mobility.email, i3) : []),
    `${i2}</student>`,
    ...element('status', mobility.status, i2),
    ...element('activity-type', 'student-studies', i2),
    ...element('activity-attributes', 'long-term', i2),
    ...element('planned-arrival-date', mobility.plannedArrival, i2),
    ...element('planned-departure-date', mobility.plannedDeparture, i2),
    ...element('eqf-level-studied-at-nomination', mobility.eqfLevel, i2),
    ...element('nominee-isced-f-code', mobility.subjectArea, i2),
    ...(mobility.language
      ? [
          `${i2}<nominee-language-skill>`,
          ...element('language', mobility.language, i3),
          ...element('cefr-level', mobility.cefrLevel, i3),
          `${i2}</nominee-language-skill>`,
        ]
      : []),
    '  </student-mobility>',
  ];
}

/** The `omobilities-get-response` document of some mobilities (none is a valid, empty answer). */
export function omobilitiesGetResponse(mobilities: readonly OutgoingMobility[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<omobilities-get-response xmlns="${OMOBILITIES_NAMESPACE}">`,
    ...mobilities.flatMap(studentMobility),
    '</omobilities-get-response>',
    '',
  ].join('\n');
}
