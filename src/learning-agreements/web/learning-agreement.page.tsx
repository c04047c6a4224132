import type { ComponentChildren } from 'preact';
import type { AuthUser } from '../../auth/auth-user.js';
import {
  Choices,
  ErrorSummary,
  Form,
  SubmitButton,
  TextArea,
  TextField,
  formState,
  type FormState,
} from '../../web/components/forms.js';
import { usePage } from '../../web/page-context.js';
import type {
  CommentResponse,
  LearningAgreementResponse,
  VersionResponse,
} from '../dto/learning-agreement.response.js';
import {
  LA_TABLES,
  MIN_SEMESTER_ECTS,
  type LaContent,
  type LaParty,
  type LaReasonCode,
  type LaTable,
} from '../learning-agreement-state.js';
import type { LaMobilityHeader } from '../learning-agreements.service.js';

/** The forms of the agreement's page, by the POST route they send to. */
export type LaFormName = 'sign' | 'comment' | 'results' | 'recognition';

/** What the visitor may do on the agreement's latest version (what the service would allow). */
export interface LaActions {
  /** The side the visitor would sign for, when their signature is missing and allowed now. */
  sign: LaParty | null;
  comment: boolean;
  results: boolean;
  recognition: boolean;
  /** The link to the edit page: a first draft, the draft, or changes after an approval. */
  edit: 'start' | 'edit' | 'changes' | null;
}

const partyOf = (role: AuthUser['role']): LaParty | null =>
  role === 'student'
    ? 'student'
    : role === 'coordinator' || role === 'admin'
      ? 'sending'
      : role === 'partner'
        ? 'receiving'
        : null;

/** The actions the service would accept from `user` now (the service checks them again). */
export function actionsFor(
  user: AuthUser,
  header: LaMobilityHeader,
  agreement: LearningAgreementResponse,
): LaActions {
  const current = agreement.current;
  const party = partyOf(user.role);
  const office = user.role === 'coordinator' || user.role === 'admin';
  const afterApproval = header.status === 'live' && agreement.lastApproved !== null;
  return {
    sign:
      header.open && current && party && current.nextSigners.includes(party) && current.missing.length === 0
        ? party
        : null,
    comment: user.role === 'partner' && header.open && current?.status === 'proposal',
    results: (office || user.role === 'partner') && afterApproval,
    recognition: office && afterApproval,
    edit:
      (user.role === 'student' || office) && header.open
        ? !current
          ? 'start'
          : agreement.lastApproved
            ? 'changes'
            : 'edit'
        : null,
  };
}

/** One line of a comparison: a component added to or removed from a table. */
export interface LaDifference {
  table: LaTable;
  action: 'inserted' | 'deleted';
  code: string;
  title: string;
  ects: number;
  reasonCode: LaReasonCode | null;
  reasonText: string | null;
}

const TABLE_KEY = { A: 'tableA', B: 'tableB', C: 'tableC' } as const;

/**
 * What `next` adds to and removes from `base`, table by table, by component code (a component
 * whose code stays but whose content changed is removed and added again). The reasons come from
 * `next`'s changes when it is a change version.
 */
export function differences(base: LaContent, next: LaContent): LaDifference[] {
  const found: LaDifference[] = [];
  for (const table of LA_TABLES) {
    const key = TABLE_KEY[table];
    const before = new Map(base[key].map((c) => [c.code, JSON.stringify(c)]));
    const after = new Map(next[key].map((c) => [c.code, JSON.stringify(c)]));
    const reason = (code: string, action: LaDifference['action']) =>
      next.changes.find((c) => c.table === table && c.code === code && c.action === action);
    const line = (c: { code: string; title: string; ects: number }, action: LaDifference['action']) => ({
      table,
      action,
      code: c.code,
      title: c.title,
      ects: c.ects,
      reasonCode: reason(c.code, action)?.reasonCode ?? null,
      reasonText: reason(c.code, action)?.reasonText ?? null,
    });
    for (const c of base[key]) if (after.get(c.code) !== JSON.stringify(c)) found.push(line(c, 'deleted'));
    for (const c of next[key]) if (before.get(c.code) !== JSON.stringify(c)) found.push(line(c, 'inserted'));
  }
  return found;
}

function Table({
  id,
  headings,
  numeric = [],
  children,
  foot,
}: {
  id: string;
  headings: string[];
  /** The columns of numbers (aligned right, heading included). */
  numeric?: number[];
  children: ComponentChildren;
  foot?: ComponentChildren;
}) {
  // Five columns and more scroll sideways on a phone rather than squeeze each cell to a word.
  return (
    <div
      class={headings.length >= 5 ? 'table-wrap table-wide' : 'table-wrap'}
      tabindex={0}
      role="region"
      aria-labelledby={id}
    >
      <table aria-labelledby={id}>
        <thead>
          <tr>
            {headings.map((heading, index) => (
              <th scope="col" class={numeric.includes(index) ? 'numeric' : undefined}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}

/** Tables A, B and C of a version, with their totals and the semesters' totals of table A. */
function Tables({ version }: { version: VersionResponse }) {
  const { t, formatNumber } = usePage();
  const { content, totals } = version;
  const ects = (value: number) => formatNumber(value);
  const total = (span: number, value: number, after: boolean) => (
    <tr>
      <th scope="row" colSpan={span}>
        {t('learningAgreements.view.total')}
      </th>
      <td class="numeric">{ects(value)}</td>
      {after ? <td /> : null}
    </tr>
  );
  const col = (key: string) => t(`learningAgreements.view.col.${key}`);
  return (
    <>
      <section aria-labelledby="table-a">
        <h3 id="table-a">{t('learningAgreements.view.tableA')}</h3>
        {content.tableA.length === 0 ? (
          <p>{t('learningAgreements.view.tableEmpty')}</p>
        ) : (
          <Table
            id="table-a"
            headings={[col('code'), col('title'), col('term'), col('ects'), col('conditions')]}
            numeric={[3]}
            foot={total(3, totals.tableA, true)}
          >
            {content.tableA.map((c) => (
              <tr>
                <td>
                  <code>{c.code}</code>
                </td>
                <td>{c.title}</td>
                <td>{t(`programmes.term.${c.term}`)}</td>
                <td class="numeric">{ects(c.ects)}</td>
                <td>{c.recognitionConditions ?? ''}</td>
              </tr>
            ))}
          </Table>
        )}
        <h4 id="semesters">{t('learningAgreements.view.semesters')}</h4>
        <ul>
          {totals.semesters.map((s) => (
            <li>
              {t('learningAgreements.view.semester', {
                term: t(`programmes.term.${s.term}`),
                ects: ects(s.ects),
              })}
            </li>
          ))}
        </ul>
        {totals.semesters
          .filter((s) => s.ects < MIN_SEMESTER_ECTS)
          .map((s) => (
            <p class="callout">
              {content.shortCreditsReason
                ? t('learningAgreements.view.short', {
                    term: t(`programmes.term.${s.term}`),
                    reason: content.shortCreditsReason,
                  })
                : t('learningAgreements.view.shortNoReason', { term: t(`programmes.term.${s.term}`) })}
            </p>
          ))}
      </section>
      <section aria-labelledby="table-b">
        <h3 id="table-b">{t('learningAgreements.view.tableB')}</h3>
        {content.tableB.length === 0 ? (
          <p>{t('learningAgreements.view.tableEmpty')}</p>
        ) : (
          <Table
            id="table-b"
            headings={[col('code'), col('title'), col('ects')]}
            numeric={[2]}
            foot={total(2, totals.tableB, false)}
          >
            {content.tableB.map((c) => (
              <tr>
                <td>
                  <code>{c.code}</code>
                </td>
                <td>{c.title}</td>
                <td class="numeric">{ects(c.ects)}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      {content.tableC.length > 0 ? (
        <section aria-labelledby="table-c">
          <h3 id="table-c">{t('learningAgreements.view.tableC')}</h3>
          <Table
            id="table-c"
            headings={[col('code'), col('title'), col('ects'), col('description')]}
            numeric={[2]}
            foot={total(2, totals.tableC, true)}
          >
            {content.tableC.map((c) => (
              <tr>
                <td>
                  <code>{c.code}</code>
                </td>
                <td>{c.title}</td>
                <td class="numeric">{ects(c.ects)}</td>
                <td>{c.description}</td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}
    </>
  );
}

function StudiesAndPeople({ content }: { content: LaContent }) {
  const { t, languageName } = usePage();
  const none = t('learningAgreements.view.notGiven');
  const person = (p: LaContent['sendingResponsible']) =>
    p ? (
      <>
        {p.givenNames} {p.familyName}, {p.position}
        <br />
        <a href={`mailto:${p.email}`}>{p.email}</a>
      </>
    ) : (
      none
    );
  return (
    <>
      <h2 id="studies">{t('learningAgreements.view.studies')}</h2>
      <dl class="facts">
        <dt>{t('learningAgreements.view.field.language')}</dt>
        <dd>
          {content.languageCompetence
            ? `${languageName(content.languageCompetence.language)} ${content.languageCompetence.cefrLevel}`
            : none}
        </dd>
        <dt>{t('learningAgreements.view.field.eqf')}</dt>
        <dd>{content.eqfLevel ?? none}</dd>
        <dt>{t('learningAgreements.view.field.subjectArea')}</dt>
        <dd>{content.subjectArea ?? none}</dd>
      </dl>
      <h2 id="people">{t('learningAgreements.view.people')}</h2>
      <dl class="facts">
        <dt>{t('learningAgreements.view.field.sendingResponsible')}</dt>
        <dd>{person(content.sendingResponsible)}</dd>
        <dt>{t('learningAgreements.view.field.receivingResponsible')}</dt>
        <dd>{person(content.receivingResponsible)}</dd>
      </dl>
    </>
  );
}

function Signatures({ version }: { version: VersionResponse }) {
  const { t, formatDateTime } = usePage();
  const col = (key: string) => t(`learningAgreements.view.col.${key}`);
  const party = (p: LaParty) => t(`learningAgreements.view.party.${p}`);
  return (
    <section aria-labelledby="signatures">
      <h2 id="signatures">{t('learningAgreements.view.signatures')}</h2>
      {version.signatures.length === 0 ? (
        <p>{t('learningAgreements.view.noSignature')}</p>
      ) : (
        <Table
          id="signatures"
          headings={[col('party'), col('name'), col('position'), col('signedAt'), col('hash')]}
        >
          {version.signatures.map((s) => (
            <tr>
              <td>{party(s.party)}</td>
              <td>{s.name}</td>
              <td>{s.position ?? ''}</td>
              <td>{formatDateTime(s.signedAt)}</td>
              <td>
                <code>{s.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <p>
        {version.nextSigners.length > 0
          ? t('learningAgreements.view.stillToSign', { parties: version.nextSigners.map(party).join(', ') })
          : t('learningAgreements.view.nothingToSign')}
      </p>
    </section>
  );
}

function Comparison({
  label,
  base,
  lines,
}: {
  label: 'approved' | 'previous';
  base: number;
  lines: LaDifference[];
}) {
  const { t, formatNumber } = usePage();
  const col = (key: string) => t(`learningAgreements.view.col.${key}`);
  return (
    <section aria-labelledby="compare">
      <h2 id="compare">{t(`learningAgreements.view.compare.${label}`, { number: base })}</h2>
      {lines.length === 0 ? (
        <p>{t('learningAgreements.view.compare.none')}</p>
      ) : (
        <Table
          id="compare"
          headings={[
            t('learningAgreements.view.compare.change'),
            col('table'),
            col('code'),
            col('title'),
            col('ects'),
            t('learningAgreements.view.compare.reason'),
          ]}
          numeric={[4]}
        >
          {lines.map((line) => {
            const Mark = line.action === 'inserted' ? 'ins' : 'del';
            return (
              <tr class={line.action === 'inserted' ? 'change-added' : 'change-removed'}>
                <td>
                  <strong>
                    {t(
                      line.action === 'inserted'
                        ? 'learningAgreements.view.compare.added'
                        : 'learningAgreements.view.compare.removed',
                    )}
                  </strong>
                </td>
                <td>{t('learningAgreements.view.compare.table', { table: line.table })}</td>
                <td>
                  <Mark>
                    <code>{line.code}</code>
                  </Mark>
                </td>
                <td>
                  <Mark>{line.title}</Mark>
                </td>
                <td class="numeric">
                  <Mark>{formatNumber(line.ects)}</Mark>
                </td>
                <td>
                  {line.reasonCode ? t(`learningAgreements.view.reason.${line.reasonCode}`) : ''}
                  {line.reasonText ? `${line.reasonCode ? ': ' : ''}${line.reasonText}` : ''}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}

function Versions({
  agreement,
  shown,
  path,
}: {
  agreement: LearningAgreementResponse;
  shown: number;
  path: string;
}) {
  const { t, href, formatDateTime } = usePage();
  const col = (key: string) => t(`learningAgreements.view.col.${key}`);
  const latest = agreement.versions.at(-1)?.number;
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{t('learningAgreements.view.versions')}</h2>
      <Table id="versions" headings={[col('version'), col('kind'), col('status'), col('created')]}>
        {[...agreement.versions].reverse().map((v) => (
          <tr>
            <td>
              {v.number === shown ? (
                <span aria-current="true">
                  {v.number} ({t('learningAgreements.view.shown')})
                </span>
              ) : (
                <a href={v.number === latest ? href(path) : `${href(path)}?version=${v.number}`}>
                  {v.number}
                </a>
              )}
            </td>
            <td>{t(`learningAgreements.view.kind.${v.kind}`)}</td>
            <td>{t(`learningAgreements.view.statusShort.${v.status}`)}</td>
            <td>{formatDateTime(v.createdAt)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

function Comments({ comments }: { comments: Array<{ number: number; comment: CommentResponse }> }) {
  const { t, formatDateTime } = usePage();
  if (comments.length === 0) return null;
  return (
    <section aria-labelledby="comments">
      <h2 id="comments">{t('learningAgreements.view.comments')}</h2>
      <ul class="timeline">
        {comments.map(({ number, comment }) => (
          <li>
            <strong>
              {t('learningAgreements.view.comment', {
                number,
                date: formatDateTime(comment.at),
                name: comment.name,
              })}
            </strong>
            <p class="motivation">{comment.reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Results per component of table A and decisions per component of table B, as recorded. */
function Outcome({ agreement }: { agreement: LearningAgreementResponse }) {
  const { t, formatNumber } = usePage();
  const approved = agreement.lastApproved?.content;
  const { results, decisions, complete, ectsRecognised } = agreement.recognition;
  if (!approved || (results.length === 0 && decisions.length === 0)) return null;
  const col = (key: string) => t(`learningAgreements.view.col.${key}`);
  const none = t('learningAgreements.view.notRecorded');
  return (
    <section aria-labelledby="outcome">
      <h2 id="outcome">{t('learningAgreements.view.outcome')}</h2>
      <p>
        {complete
          ? t('learningAgreements.view.outcome.complete', { ects: formatNumber(ectsRecognised) })
          : t('learningAgreements.view.outcome.partial')}
      </p>
      <h3 id="outcome-a">{t('learningAgreements.view.tableA')}</h3>
      <Table
        id="outcome-a"
        headings={[col('code'), col('title'), col('grade'), col('ectsObtained')]}
        numeric={[3]}
      >
        {approved.tableA.map((c) => {
          const result = results.find((r) => r.code === c.code);
          return (
            <tr>
              <td>
                <code>{c.code}</code>
              </td>
              <td>{c.title}</td>
              <td>{result?.grade ?? none}</td>
              <td class="numeric">{result ? formatNumber(result.ectsObtained) : none}</td>
            </tr>
          );
        })}
      </Table>
      <h3 id="outcome-b">{t('learningAgreements.view.tableB')}</h3>
      <Table id="outcome-b" headings={[col('code'), col('title'), col('decision')]}>
        {approved.tableB.map((c) => {
          const decision = decisions.find((d) => d.code === c.code);
          return (
            <tr>
              <td>
                <code>{c.code}</code>
              </td>
              <td>{c.title}</td>
              <td>
                {!decision
                  ? none
                  : decision.recognised
                    ? `${t('learningAgreements.view.recognition.yes')}: ${decision.grade ?? ''}`
                    : `${t('learningAgreements.view.recognition.no')}: ${decision.reason ?? ''}`}
              </td>
            </tr>
          );
        })}
      </Table>
    </section>
  );
}

/**
 * The hash a sign or comment form carries: the one it was posted with when it comes back with an
 * error, so that a version saved meanwhile is refused as stale (409) instead of signed unread.
 */
function shownHash(form: FormState, version: VersionResponse): string {
  const posted = form.values.hash;
  return typeof posted === 'string' && posted ? posted : version.hash;
}

function SignForm({
  mobilityId,
  version,
  party,
  form,
}: {
  mobilityId: string;
  version: VersionResponse;
  party: LaParty;
  form: FormState;
}) {
  const { t, href } = usePage();
  return (
    <Form action={href(`/outgoing/${mobilityId}/learning-agreement/sign`)} class="card">
      <h3>{t('learningAgreements.view.sign.title', { number: version.number })}</h3>
      <p>{t(`learningAgreements.view.sign.lead.${party}`, { number: version.number })}</p>
      <input type="hidden" name="hash" value={shownHash(form, version)} />
      {party === 'student' ? null : (
        <>
          <TextField
            form={form}
            name="name"
            label={t('learningAgreements.view.sign.name')}
            hint={t('learningAgreements.view.sign.nameHint')}
            autocomplete="name"
          />
          <TextField form={form} name="position" label={t('learningAgreements.view.sign.position')} />
        </>
      )}
      <SubmitButton>{t('learningAgreements.view.sign.submit', { number: version.number })}</SubmitButton>
    </Form>
  );
}

function CommentForm({
  mobilityId,
  version,
  form,
}: {
  mobilityId: string;
  version: VersionResponse;
  form: FormState;
}) {
  const { t, href } = usePage();
  return (
    <Form action={href(`/outgoing/${mobilityId}/learning-agreement/comment`)} class="card">
      <h3>{t('learningAgreements.view.comment.title')}</h3>
      <input type="hidden" name="hash" value={shownHash(form, version)} />
      <TextArea
        form={form}
        name="reason"
        label={t('learningAgreements.view.comment.reason')}
        hint={t('learningAgreements.view.comment.hint')}
        rows={4}
      />
      <SubmitButton variant="warning">{t('learningAgreements.view.comment.submit')}</SubmitButton>
    </Form>
  );
}

/** The results form's values as recorded so far (a new visit shows them). */
export function resultsFormOf(agreement: LearningAgreementResponse): FormState {
  const values: FormState['values'] = {};
  (agreement.lastApproved?.content.tableA ?? []).forEach((c, index) => {
    const result = agreement.recognition.results.find((r) => r.code === c.code);
    if (result) {
      values[`grade-${index}`] = result.grade;
      values[`ects-${index}`] = String(result.ectsObtained);
    }
  });
  return formState(values);
}

/** The recognition form's values as decided so far. */
export function recognitionFormOf(agreement: LearningAgreementResponse): FormState {
  const values: FormState['values'] = {};
  (agreement.lastApproved?.content.tableB ?? []).forEach((c, index) => {
    const decision = agreement.recognition.decisions.find((d) => d.code === c.code);
    if (decision) {
      values[`recognised-${index}`] = decision.recognised ? 'yes' : 'no';
      values[`rgrade-${index}`] = decision.grade ?? undefined;
      values[`reason-${index}`] = decision.reason ?? undefined;
    }
  });
  return formState(values);
}

function ResultsForm({
  mobilityId,
  approved,
  form,
}: {
  mobilityId: string;
  approved: VersionResponse;
  form: FormState;
}) {
  const { t, href, formatNumber } = usePage();
  return (
    <Form action={href(`/outgoing/${mobilityId}/learning-agreement/results`)} class="card">
      <h3>{t('learningAgreements.view.results.title')}</h3>
      <p>{t('learningAgreements.view.results.lead')}</p>
      {approved.content.tableA.map((c, index) => (
        <fieldset class="component-fieldset">
          <legend>
            <code>{c.code}</code> {c.title} ({formatNumber(c.ects)} ECTS)
          </legend>
          <input type="hidden" name={`code-${index}`} value={c.code} />
          <TextField
            form={form}
            name={`grade-${index}`}
            label={t('learningAgreements.view.results.gradeOf', { code: c.code })}
            width="medium"
          />
          <TextField
            form={form}
            name={`ects-${index}`}
            label={t('learningAgreements.view.results.ectsOf', { code: c.code })}
            inputmode="decimal"
            width="short"
          />
        </fieldset>
      ))}
      <SubmitButton>{t('learningAgreements.view.results.submit')}</SubmitButton>
    </Form>
  );
}

function RecognitionForm({
  mobilityId,
  approved,
  form,
}: {
  mobilityId: string;
  approved: VersionResponse;
  form: FormState;
}) {
  const { t, href, formatNumber } = usePage();
  return (
    <Form action={href(`/outgoing/${mobilityId}/learning-agreement/recognition`)} class="card">
      <h3>{t('learningAgreements.view.recognition.title')}</h3>
      <p>{t('learningAgreements.view.recognition.lead')}</p>
      {approved.content.tableB.map((c, index) => (
        <fieldset class="component-fieldset">
          <legend>
            <code>{c.code}</code> {c.title} ({formatNumber(c.ects)} ECTS)
          </legend>
          <input type="hidden" name={`rcode-${index}`} value={c.code} />
          <Choices
            form={form}
            name={`recognised-${index}`}
            label={t('learningAgreements.view.recognition.decisionOf', { code: c.code })}
            options={[
              { value: 'yes', label: t('learningAgreements.view.recognition.yes') },
              { value: 'no', label: t('learningAgreements.view.recognition.no') },
            ]}
          />
          <TextField
            form={form}
            name={`rgrade-${index}`}
            label={t('learningAgreements.view.recognition.gradeOf', { code: c.code })}
            width="medium"
          />
          <TextArea
            form={form}
            name={`reason-${index}`}
            label={t('learningAgreements.view.recognition.reasonOf', { code: c.code })}
            rows={2}
          />
        </fieldset>
      ))}
      <SubmitButton>{t('learningAgreements.view.recognition.submit')}</SubmitButton>
    </Form>
  );
}

export interface LearningAgreementPageProps {
  header: LaMobilityHeader;
  agreement: LearningAgreementResponse;
  /** The version shown: the latest, or an earlier one asked by `?version=`. */
  shown: VersionResponse | null;
  actions: LaActions;
  /** Every comment of the receiving side, oldest version first. */
  comments: Array<{ number: number; comment: CommentResponse }>;
  /** What the latest version changes, against the approved (or else the previous) version. */
  comparison: { label: 'approved' | 'previous'; base: number; lines: LaDifference[] } | null;
  /** The form just sent and refused, with its errors and what was typed. */
  attempt?: { name: LaFormName; form: FormState };
}

/** A mobility's learning agreement: what it says, who signed, what changed, and what the visitor may do. */
export function LearningAgreementPage({
  header,
  agreement,
  shown,
  actions,
  comments,
  comparison,
  attempt,
}: LearningAgreementPageProps) {
  const { t, href, user } = usePage();
  const path = `/outgoing/${header.id}/learning-agreement`;
  const formOf = (name: LaFormName, initial: FormState = formState()) =>
    attempt?.name === name ? attempt.form : initial;
  const older = shown !== null && agreement.current !== null && shown.number !== agreement.current.number;
  const role = user?.role;
  const back =
    role === 'coordinator' || role === 'admin'
      ? { path: `/outgoing/${header.id}`, label: 'learningAgreements.view.back.office' }
      : role === 'partner'
        ? { path: `/partner/nominations/${header.id}`, label: 'learningAgreements.view.back.partner' }
        : null;
  const editLabel = {
    start: 'learningAgreements.view.start',
    edit: 'learningAgreements.view.edit',
    changes: 'learningAgreements.view.proposeChanges',
  } as const;
  const canAct =
    !older &&
    (actions.sign || actions.comment || actions.results || actions.recognition) &&
    agreement.current;
  return (
    <>
      {back ? (
        <p>
          <a href={href(back.path)}>{t(back.label)}</a>
        </p>
      ) : null}
      <h1>{t('learningAgreements.view.heading', { name: header.studentName })}</h1>
      <dl class="facts">
        <dt>{t('learningAgreements.view.field.host')}</dt>
        <dd>{header.hostName}</dd>
        <dt>{t('learningAgreements.view.field.period')}</dt>
        <dd>
          {t('outgoing.period', { year: header.academicYear, term: t(`programmes.term.${header.term}`) })}
        </dd>
        <dt>{t('learningAgreements.view.field.mobilityStatus')}</dt>
        <dd>
          <span class={`status status-${header.status}`}>{t(`outgoing.status.${header.status}`)}</span>
        </dd>
      </dl>
      {attempt ? <ErrorSummary form={attempt.form} /> : null}
      {actions.edit || agreement.current ? (
        <p class="button-row">
          {actions.edit ? (
            <a class="button button-secondary" href={href(`${path}/edit`)}>
              {t(editLabel[actions.edit])}
            </a>
          ) : null}
          {agreement.current ? (
            <a class="button button-secondary" href={href(`/outgoing/${header.id}/learning-agreement.pdf`)}>
              {t('learningAgreements.view.pdf')}
            </a>
          ) : null}
        </p>
      ) : null}
      {!shown ? (
        <p>{t('learningAgreements.view.none')}</p>
      ) : (
        <>
          <h2 id="version">
            {t('learningAgreements.view.version', {
              number: shown.number,
              kind: t(`learningAgreements.view.kind.${shown.kind}`),
            })}
          </h2>
          {older ? (
            <p class="callout">
              {t('learningAgreements.view.older', { number: shown.number })}{' '}
              <a href={href(path)}>{t('learningAgreements.view.readLatest')}</a>
            </p>
          ) : null}
          <p>
            {t('learningAgreements.view.statusLabel')}{' '}
            <span class={`status la-status-${shown.status}`}>
              {t(`learningAgreements.view.status.${shown.status}`)}
            </span>
          </p>
          {!older && shown.missing.length > 0 && shown.nextSigners.length > 0 ? (
            <p class="callout">
              {t('learningAgreements.view.missing', {
                list: shown.missing.map((field) => t(`learningAgreements.view.missing.${field}`)).join(', '),
              })}
            </p>
          ) : null}
          {!older && comparison ? <Comparison {...comparison} /> : null}
          <Tables version={shown} />
          <StudiesAndPeople content={shown.content} />
          <Signatures version={shown} />
          {canAct ? (
            <section aria-labelledby="act">
              <h2 id="act">{t('learningAgreements.view.act')}</h2>
              {actions.sign ? (
                <SignForm
                  mobilityId={header.id}
                  version={agreement.current!}
                  party={actions.sign}
                  form={formOf('sign')}
                />
              ) : null}
              {actions.comment ? (
                <CommentForm mobilityId={header.id} version={agreement.current!} form={formOf('comment')} />
              ) : null}
              {actions.results && agreement.lastApproved ? (
                <ResultsForm
                  mobilityId={header.id}
                  approved={agreement.lastApproved}
                  form={formOf('results', resultsFormOf(agreement))}
                />
              ) : null}
              {actions.recognition && agreement.lastApproved ? (
                <RecognitionForm
                  mobilityId={header.id}
                  approved={agreement.lastApproved}
                  form={formOf('recognition', recognitionFormOf(agreement))}
                />
              ) : null}
            </section>
          ) : null}
          <Outcome agreement={agreement} />
          <Comments comments={comments} />
          <Versions agreement={agreement} shown={shown.number} path={path} />
        </>
      )}
    </>
  );
}
