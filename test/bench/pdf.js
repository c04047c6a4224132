// `npm run bench:pdf`: the learning agreement's PDF at its largest (40 components in each of tables
// A, B and C, Kazakh and Russian titles, three signatures, results and recognition), rendered by
// the built renderer in this process. It reports the time per document and the longest the event
// loop waited meanwhile: the renderer yields between table rows, so a download must not hold
// every other request of the instance for the length of a document.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '20' },
    dist: { type: 'string', default: 'dist' },
  },
});
const DOCUMENTS = Number(values.documents);
/** @type {{ renderLearningAgreementPdf: (input: unknown) => Promise<Buffer> }} */
const renderer = await import(
  pathToFileURL(resolve(values.dist ?? 'dist', 'learning-agreements/learning-agreement-pdf.js')).href
);

const HASH = 'c0ffee'.repeat(10) + 'c0ff';
/** @param {number} index */
const titleOf = (index) =>
  index % 2
    ? `Қазақ әдебиеті және мәдениеті, ${index}-бөлім`
    : `Русский язык как иностранный, модуль ${index}`;
const components = Array.from({ length: 40 }, (_, index) => ({
  title: titleOf(index),
  code: `KAZ-${100 + index}`,
  ects: 1.5,
}));
const at = new Date('2027-02-01T09:30:00Z');
const signature = (/** @type {string} */ party, /** @type {string} */ name) => ({
  party,
  signerId: party,
  name,
  position: party === 'student' ? null : 'Халықаралық бөлім үйлестірушісі',
  email: `${party}@example.org`,
  signedAt: at,
  hash: HASH,
});
const input = {
  student: { firstName: 'Алия', lastName: 'Сәрсенова', email: 'aliya@student.umons.ac.be' },
  sending: {
    name: 'Université de Mons',
    faculty: 'Faculté de Traduction',
    erasmusCode: 'B MONS21',
    schacCode: 'umons.ac.be',
  },
  receiving: {
    name: 'Әл-Фараби атындағы Қазақ ұлттық университеті',
    faculty: null,
    erasmusCode: null,
    schacCode: 'kaznu.kz',
  },
  academicYear: '2026/2027',
  term: 'spring',
  plannedArrival: '2027-01-28',
  plannedDeparture: '2027-05-28',
  version: {
    number: 2,
    kind: 'first-version',
    status: 'approved',
    hash: HASH,
    createdAt: at,
    content: {
      tableA: components.map((c) => ({ ...c, term: 'spring', recognitionConditions: 'Устный экзамен' })),
      tableB: components.map((c) => ({ ...c, code: `UMONS-${c.code}` })),
      tableC: components.map((c) => ({ ...c, code: `V-${c.code}`, description: 'Онлайн-семинар' })),
      shortCreditsReason: null,
      languageCompetence: { language: 'kk', cefrLevel: 'B1' },
      eqfLevel: 6,
      subjectArea: '0231',
      sendingResponsible: {
        givenNames: 'Marie',
        familyName: 'Dupont',
        position: 'Erasmus coordinator',
        email: 'm@umons.ac.be',
      },
      receivingResponsible: {
        givenNames: 'Айгерим',
        familyName: 'Садыкова',
        position: 'Халықаралық бөлім',
        email: 'a@kaznu.kz',
      },
      changes: [],
    },
    totals: { tableA: 60, tableB: 60, tableC: 60, semesters: [{ term: 'spring', ects: 60 }] },
    signatures: [
      signature('student', 'Алия Сәрсенова'),
      signature('sending', 'Marie Dupont'),
      signature('receiving', 'Айгерим Садыкова'),
    ],
    comment: null,
    nextSigners: [],
    missing: [],
  },
  recognition: {
    results: components.map((c) => ({
      code: c.code,
      grade: '85 (B+)',
      ectsObtained: 1.5,
      recordedById: 'x',
      recordedAt: at,
    })),
    decisions: components.map((c) => ({
      code: `UMONS-${c.code}`,
      recognised: true,
      grade: '16/20',
      reason: null,
      decidedById: 'x',
      decidedAt: at,
    })),
    ectsRecognised: 60,
    complete: true,
  },
  generatedAt: at,
};

await renderer.renderLearningAgreementPdf(input); // warm up: modules and the font files
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const times = [];
let bytes = 0;
for (let document = 0; document < DOCUMENTS; document += 1) {
  const started = performance.now();
  bytes = (await renderer.renderLearningAgreementPdf(input)).length;
  times.push(performance.now() - started);
}
delay.disable();
times.sort((a, b) => a - b);
const ms = (/** @type {number} */ value) => Math.round(value);
console.log(
  JSON.stringify(
    {
      documents: DOCUMENTS,
      bytes,
      medianMs: ms(times[Math.floor(times.length / 2)]),
      worstMs: ms(times[times.length - 1]),
      longestEventLoopStallMs: ms(delay.max / 1e6),
      eventLoopStallP99Ms: ms(delay.percentile(99) / 1e6),
    },
    null,
    2,
  ),
);
