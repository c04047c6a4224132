/**
 * The learning agreement as a PDF: one version with its tables, totals, people, signatures and,
 * once recorded, the results and recognition. PDFKit draws it with DejaVu Sans (shipped by the
 * `dejavu-fonts-ttf` package), which covers Latin and Cyrillic, Kazakh letters included, so the
 * names of Al-Farabi's people read as they are written. The labels are English, the language of
 * the Erasmus+ learning agreement template; what people typed appears as typed.
 */
import { createRequire } from 'node:module';
import { setImmediate } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import type { RecognitionResponse, VersionResponse } from './dto/learning-agreement.response.js';
import type { LaParty } from './learning-agreement-state.js';

const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
const REGULAR = fontFile('DejaVuSans.ttf');
const BOLD = fontFile('DejaVuSans-Bold.ttf');

export interface PdfInstitution {
  name: string;
  faculty: string | null;
  erasmusCode: string | null;
  schacCode: string;
}

/** What the document says about the mobility besides the version itself. */
export interface LearningAgreementPdfInput {
  student: { firstName: string; lastName: string; email: string };
  sending: PdfInstitution;
  receiving: PdfInstitution;
  academicYear: string;
  term: string;
  plannedArrival: string;
  plannedDeparture: string;
  version: VersionResponse;
  /** Shown when the version is the last approved one and something was recorded. */
  recognition: RecognitionResponse | null;
  generatedAt: Date;
}

const PARTY_LABELS: Record<LaParty, string> = {
  student: 'Student',
  sending: 'Sending institution',
  receiving: 'Receiving institution',
};

const STATUS_LABELS: Record<VersionResponse['status'], string> = {
  draft: 'draft, not yet signed by the student and the sending institution',
  proposal: 'proposal, waiting for the receiving institution',
  approved: 'approved by the three parties',
  rejected: 'rejected by the receiving institution',
  superseded: 'superseded by a newer version',
};

const ects = (value: number) => value.toFixed(1);
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The headers of a PDF answer, API and page alike: a download named after the mobility, never cached. */
export const pdfHeaders = (mobilityId: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `attachment; filename="learning-agreement-${mobilityId}.pdf"`,
  'cache-control': 'no-store',
});

/** Renders the version as a PDF document (A4, tagged with its language and title). */
export async function renderLearningAgreementPdf(input: LearningAgreementPdfInput): Promise<Buffer> {
  const { version } = input;
  const student = `${input.student.firstName} ${input.student.lastName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Learning agreement of ${student}, version ${version.number}`,
      Author: input.sending.name,
      Subject: `Student mobility for studies, ${input.academicYear} ${input.term}`,
    },
  });
  // Fonts by their file, never by a registered name: PDFKit caches a font under what it was asked
  // for, and a table cell restores the font by its file, which re-read and re-parsed the whole
  // TrueType file for every cell when the font had been registered under a name.
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => {
    doc.moveDown(0.8).font(BOLD).fontSize(12).text(text, doc.page.margins.left).font(REGULAR).fontSize(9);
    doc.moveDown(0.3);
  };
  const line = (label: string, value: string) => {
    doc.font(BOLD).text(`${label}: `, { continued: true }).font(REGULAR).text(value);
  };
  // Row by row, letting other requests run in between: laying text out in a full Unicode font
  // costs about a millisecond a cell, and 40-row tables must not hold the event loop that long.
  const table = async (header: string[], rows: string[][], widths: number[]) => {
    doc.font(REGULAR).fontSize(8.5);
    const drawn = doc.table({ columnStyles: widths, defaultStyle: { padding: 3, border: 0.5 } });
    drawn.row(header.map((text) => ({ text, type: 'TH' as const, font: { src: BOLD, size: 8.5 } })));
    for (const row of rows) {
      drawn.row(row);
      await setImmediate();
    }
    drawn.end();
    doc.x = doc.page.margins.left;
    doc.fontSize(9).moveDown(0.3);
  };
  const content = version.content;

  doc.font(BOLD).fontSize(16).text('Learning Agreement – Student Mobility for Studies');
  doc.font(REGULAR).fontSize(9).moveDown(0.3);
  line(
    'Version',
    `${version.number} (${version.kind === 'changes' ? 'changes during the mobility' : 'before the mobility'}), ${STATUS_LABELS[version.status]}`,
  );
  line('Created', utc(new Date(version.createdAt)));
  line('Content hash (SHA-256)', version.hash);

  heading('Student and mobility');
  line('Student', `${student} <${input.student.email}>`);
  line('Academic year and term', `${input.academicYear}, ${input.term}`);
  line('Planned period', `${input.plannedArrival} to ${input.plannedDeparture}`);
  if (content.languageCompetence) {
    line(
      'Language competence',
      `${content.languageCompetence.language} ${content.languageCompetence.cefrLevel}`,
    );
  }
  if (content.eqfLevel !== null) line('EQF level', String(content.eqfLevel));
  if (content.subjectArea) line('Field of education (ISCED-F)', content.subjectArea);
  for (const [label, side] of [
    ['Sending institution', input.sending],
    ['Receiving institution', input.receiving],
  ] as const) {
    const codes = [side.erasmusCode, side.schacCode].filter(Boolean).join(', ');
    line(label, `${side.name}${side.faculty ? `, ${side.faculty}` : ''} (${codes})`);
  }

  heading('Table A – Study programme at the receiving institution');
  await table(
    ['Code', 'Component', 'Term', 'ECTS', 'Recognition conditions'],
    [
      ...content.tableA.map((c) => [c.code, c.title, c.term, ects(c.ects), c.recognitionConditions ?? '']),
      ['', 'Total', '', ects(version.totals.tableA), ''],
    ],
    [60, 180, 60, 40, 175],
  );
  for (const semester of version.totals.semesters) {
    doc.text(`Total ECTS, ${semester.term}: ${ects(semester.ects)}`);
  }
  if (content.shortCreditsReason) line('Reason for fewer than 20 ECTS', content.shortCreditsReason);

  heading('Table B – Recognition at the sending institution');
  await table(
    ['Code', 'Component', 'ECTS'],
    [
      ...content.tableB.map((c) => [c.code, c.title, ects(c.ects)]),
      ['', 'Total', ects(version.totals.tableB)],
    ],
    [80, 355, 80],
  );

  if (content.tableC.length > 0) {
    heading('Table C – Virtual components');
    await table(
      ['Code', 'Component', 'ECTS', 'Description'],
      [
        ...content.tableC.map((c) => [c.code, c.title, ects(c.ects), c.description]),
        ['', 'Total', ects(version.totals.tableC), ''],
      ],
      [60, 170, 40, 245],
    );
  }

  if (content.changes.length > 0) {
    heading('Changes since the first version');
    await table(
      ['Table', 'Change', 'Code', 'Component', 'Reason'],
      content.changes.map((c) => [
        c.table,
        c.action,
        c.code,
        c.title,
        [c.reasonCode, c.reasonText].filter(Boolean).join(': '),
      ]),
      [40, 55, 60, 180, 180],
    );
  }

  heading('Responsible persons');
  for (const [label, person] of [
    ['Sending institution', content.sendingResponsible],
    ['Receiving institution', content.receivingResponsible],
  ] as const) {
    line(
      label,
      person
        ? `${person.givenNames} ${person.familyName}, ${person.position}, ${person.email}`
        : 'not named yet',
    );
  }

  heading('Signatures');
  const signed = new Map(version.signatures.map((s) => [s.party, s]));
  await table(
    ['Party', 'Name', 'Position', 'Email', 'Signed'],
    (['student', 'sending', 'receiving'] as const).map((party) => {
      const signature = signed.get(party);
      return signature
        ? [
            PARTY_LABELS[party],
            signature.name,
            signature.position ?? '',
            signature.email,
            utc(new Date(signature.signedAt)),
          ]
        : [PARTY_LABELS[party], 'not signed', '', '', ''];
    }),
    [90, 110, 110, 125, 80],
  );
  // The hash each party signed, in full: what proves which content the signature is about.
  for (const signature of version.signatures) {
    line(`Content signed by the ${PARTY_LABELS[signature.party].toLowerCase()}`, signature.hash);
  }
  if (version.comment) {
    doc.moveDown(0.5);
    line(
      `Rejected by ${version.comment.name} on ${utc(new Date(version.comment.at))}`,
      version.comment.reason,
    );
  }

  const recognition = input.recognition;
  if (recognition && (recognition.results.length > 0 || recognition.decisions.length > 0)) {
    heading('Results at the receiving institution');
    const results = new Map(recognition.results.map((r) => [r.code, r]));
    await table(
      ['Code', 'Component', 'Grade', 'ECTS obtained'],
      content.tableA.map((c) => {
        const result = results.get(c.code);
        return [c.code, c.title, result?.grade ?? '', result ? ects(result.ectsObtained) : ''];
      }),
      [80, 275, 80, 80],
    );
    heading('Recognition at the sending institution');
    const decisions = new Map(recognition.decisions.map((d) => [d.code, d]));
    await table(
      ['Code', 'Component', 'Recognised', 'Grade or reason'],
      content.tableB.map((c) => {
        const decision = decisions.get(c.code);
        if (!decision) return [c.code, c.title, 'not decided', ''];
        return [
          c.code,
          c.title,
          decision.recognised ? 'yes' : 'no',
          (decision.recognised ? decision.grade : decision.reason) ?? '',
        ];
      }),
      [80, 255, 70, 110],
    );
    doc.text(`ECTS recognised: ${ects(recognition.ectsRecognised)} of ${ects(version.totals.tableB)}`);
  }

  doc
    .moveDown(1)
    .fontSize(7.5)
    .text(`Generated ${utc(input.generatedAt)} by the mobility portal.`);
  doc.end();
  return done;
}
