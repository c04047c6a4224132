import { HttpStatus, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { Faculty } from '../institutions/faculty.entity.js';
import type { Institution } from '../institutions/institution.entity.js';
import { DomainException, InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import type { NotificationRequest } from '../notifications/notification-kinds.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination/pagination.js';
import type { Term } from '../common/domain.js';
import type { OutgoingStatus } from '../outgoing/outgoing-state.js';
import { OutgoingMobility } from '../outgoing/outgoing-mobility.entity.js';
import { OutgoingService } from '../outgoing/outgoing.service.js';
import type {
  CommentLearningAgreementDto,
  DraftLearningAgreementDto,
  ProposeChangesDto,
  RecordRecognitionDto,
  RecordResultsDto,
  ResponsiblePersonDto,
  SignLearningAgreementDto,
} from './dto/learning-agreement-input.dto.js';
import type {
  ExportedLearningAgreementResponse,
  LearningAgreementResponse,
  RecognitionResponse,
  VersionResponse,
  VersionSummaryResponse,
} from './dto/learning-agreement.response.js';
import { LearningAgreementErrorCode } from './learning-agreement-error-codes.js';
import { omobilityLasGetResponse, type EwpVersion } from './learning-agreement-ewp.js';
import { renderLearningAgreementPdf, type PdfInstitution } from './learning-agreement-pdf.js';
import {
  applyChanges,
  assertCanComment,
  assertCanSign,
  assertUniqueCodes,
  contentHash,
  isFrozen,
  missingForSignature,
  nextSigners,
  totalsOf,
  versionStatus,
  type LaContent,
  type LaParty,
  type LaResponsiblePerson,
  type LaVersionStatus,
} from './learning-agreement-state.js';
import {
  LearningAgreement,
  LearningAgreementComment,
  LearningAgreementRecognition,
  LearningAgreementResult,
  LearningAgreementSignature,
  LearningAgreementVersion,
} from './learning-agreement.entities.js';

/** One version with what was recorded on it. */
interface VersionState {
  row: LearningAgreementVersion;
  signatures: LearningAgreementSignature[];
  comment: LearningAgreementComment | null;
  parties: LaParty[];
  status: LaVersionStatus;
  /** A first version (whole tables) or a change after the first approval. */
  kind: 'first-version' | 'changes';
}

interface AgreementState {
  agreement: LearningAgreement | null;
  versions: VersionState[];
  latest: VersionState | null;
  lastApproved: VersionState | null;
  firstApproved: VersionState | null;
  results: LearningAgreementResult[];
  decisions: LearningAgreementRecognition[];
}

/** What a write holds: the mobility and the agreement, both rows locked, and the agreement's state. */
interface LockedAgreement {
  manager: EntityManager;
  mobility: OutgoingMobility;
  agreement: LearningAgreement;
  state: AgreementState;
}

/** A mobility as the agreement's pages head it: who goes where, when, and whether it still changes. */
export interface LaMobilityHeader {
  id: string;
  studentId: string;
  studentName: string;
  hostName: string;
  academicYear: string;
  term: Term;
  status: OutgoingStatus;
  /** Drafts, changes and signatures are still possible (not cancelled, recognised or rejected by the host). */
  open: boolean;
}

/** One agreement waiting for the caller's signature (its latest version). */
export interface LaWaitingItem {
  mobilityId: string;
  studentName: string;
  hostName: string;
  academicYear: string;
  term: Term;
  versionNumber: number;
  /** When the version was written. */
  createdAt: Date;
}

/** Rows of the waiting list per page. */
export const LA_WAITING_PAGE_SIZE = 50;

/** The side a caller signs for: the student, the home coordinator, the host's partner account. */
function partyOf(caller: AuthUser): LaParty {
  if (caller.role === 'student') return 'student';
  if (caller.role === 'partner') return 'receiving';
  return 'sending';
}

/**
 * Learning agreements of outgoing mobilities. Every change locks the agreement's row (created with
 * the first draft), reads its versions, applies the rule of learning-agreement-state.ts, and writes
 * with its notifications in one transaction. Who sees an agreement is who sees its mobility, and a
 * student only their own: anything else is a 404.
 */
@Injectable()
export class LearningAgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly outgoing: OutgoingService,
  ) {}

  async get(caller: AuthUser, mobilityId: string): Promise<LearningAgreementResponse> {
    const manager = this.dataSource.manager;
    const mobility = await this.mobility(manager, caller, mobilityId);
    return this.respond(mobility, await this.state(manager, mobility.id));
  }

  async version(caller: AuthUser, mobilityId: string, number: number): Promise<VersionResponse> {
    const manager = this.dataSource.manager;
    const mobility = await this.mobility(manager, caller, mobilityId);
    const state = await this.state(manager, mobility.id);
    const found = state.versions.find((version) => version.row.number === number);
    if (!found) throw new NotFoundError('Learning agreement version');
    return versionResponse(found, mobility);
  }

  /** The mobility of an agreement as its pages head it, with the same visibility as `get`. */
  async mobilityHeader(caller: AuthUser, mobilityId: string): Promise<LaMobilityHeader> {
    const mobility = await this.mobility(this.dataSource.manager, caller, mobilityId);
    return {
      id: mobility.id,
      studentId: mobility.studentId,
      studentName: `${mobility.firstName} ${mobility.lastName}`,
      hostName: mobility.receivingInstitution!.name,
      academicYear: mobility.academicYear,
      term: mobility.term,
      status: mobility.status,
      open:
        mobility.verificationStatus !== 'rejected' &&
        mobility.status !== 'cancelled' &&
        mobility.status !== 'recognized',
    };
  }

  /**
   * The agreements waiting for the caller's signature, oldest version first (keyset on the
   * version's creation time and id): for the office, latest versions the student signed and the
   * sending side not yet; for a partner, its institution's latest versions that are proposals
   * (student and sending signed) without the receiving signature. Other roles wait for nothing.
   */
  async waiting(
    caller: AuthUser,
    cursor?: string,
    limit = LA_WAITING_PAGE_SIZE,
  ): Promise<Page<LaWaitingItem>> {
    const where = waitingWhere(caller);
    if (!where) return { items: [], nextCursor: null };
    const params: unknown[] = [...where.params];
    let after = '';
    if (cursor) {
      const [at, id] = decodeCursor(cursor, 2);
      if (
        typeof at !== 'string' ||
        typeof id !== 'string' ||
        !isUUID(id) ||
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) ||
        Number.isNaN(Date.parse(at))
      ) {
        throw new InvalidInputError('cursor is not a cursor this list gave out', ['cursor']);
      }
      params.push(at, id);
      after = ` AND (v.created_at, v.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT v.id, v.number, v.created_at, m.id AS mobility_id, m.first_name, m.last_name,
              m.academic_year, m.term, i.name AS host
         ${WAITING_FROM}
        WHERE ${where.sql}${after}
        ORDER BY v.created_at ASC, v.id ASC
        LIMIT $${params.length}`,
      params,
    )) as Array<{
      id: string;
      number: number;
      created_at: Date;
      mobility_id: string;
      first_name: string;
      last_name: string;
      academic_year: string;
      term: Term;
      host: string;
    }>;
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    const last = kept.at(-1);
    return {
      items: kept.map((row) => ({
        mobilityId: row.mobility_id,
        studentName: `${row.first_name} ${row.last_name}`,
        hostName: row.host,
        academicYear: row.academic_year,
        term: row.term,
        versionNumber: row.number,
        createdAt: row.created_at,
      })),
      nextCursor: more && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  }

  /** How many agreements wait for the caller's signature (the menu's badge). */
  async countWaiting(caller: AuthUser): Promise<number> {
    const where = waitingWhere(caller);
    if (!where) return 0;
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n ${WAITING_FROM} WHERE ${where.sql}`,
      where.params,
    )) as Array<{ n: number }>;
    return row.n;
  }

  /** The whole content of a draft, before the first approval: rewrites an unsigned draft, else adds a version. */
  async saveDraft(
    caller: AuthUser,
    mobilityId: string,
    dto: DraftLearningAgreementDto,
  ): Promise<LearningAgreementResponse> {
    return this.writeAgreement(
      caller,
      mobilityId,
      { create: true },
      async ({ manager, mobility, agreement, state }) => {
        if (state.lastApproved) {
          throw new DomainException(
            LearningAgreementErrorCode.CHANGES_AFTER_APPROVAL,
            `Version ${state.lastApproved.row.number} is approved: propose changes to it instead of a new draft`,
            HttpStatus.CONFLICT,
            { approvedVersion: state.lastApproved.row.number },
          );
        }
        const content: LaContent = {
          tableA: dto.tableA.map((c) => ({
            title: c.title,
            code: c.code,
            term: c.term,
            ects: c.ects,
            recognitionConditions: c.recognitionConditions || null,
          })),
          tableB: dto.tableB.map((c) => ({ title: c.title, code: c.code, ects: c.ects })),
          tableC: (dto.tableC ?? []).map((c) => ({
            title: c.title,
            code: c.code,
            ects: c.ects,
            description: c.description,
          })),
          shortCreditsReason: dto.shortCreditsReason ?? null,
          languageCompetence: dto.languageCompetence
            ? { language: dto.languageCompetence.language, cefrLevel: dto.languageCompetence.cefrLevel }
            : mobility.language && mobility.cefrLevel
              ? { language: mobility.language, cefrLevel: mobility.cefrLevel }
              : null,
          eqfLevel: dto.eqfLevel ?? mobility.eqfLevel ?? null,
          subjectArea: dto.subjectArea ?? mobility.subjectArea ?? null,
          sendingResponsible: person(dto.sendingResponsible),
          receivingResponsible: person(dto.receivingResponsible),
          changes: [],
        };
        assertUniqueCodes(content);
        await this.write(manager, agreement, state, content, caller);
      },
    );
  }

  /** Changes during the mobility: inserted and deleted components applied to the last approved version. */
  async proposeChanges(
    caller: AuthUser,
    mobilityId: string,
    dto: ProposeChangesDto,
  ): Promise<LearningAgreementResponse> {
    return this.writeAgreement(caller, mobilityId, {}, async ({ manager, agreement, state }) => {
      if (!state.lastApproved) {
        throw new DomainException(
          LearningAgreementErrorCode.CHANGES_AFTER_APPROVAL,
          'No version is approved yet: change the draft itself',
          HttpStatus.CONFLICT,
          { approvedVersion: null },
        );
      }
      const content = applyChanges(state.lastApproved.row.content, dto.changes, dto.shortCreditsReason);
      await this.write(manager, agreement, state, content, caller);
    });
  }

  /** A signature of the latest version by the caller's side, with the hash they read. */
  async sign(
    caller: AuthUser,
    mobilityId: string,
    dto: SignLearningAgreementDto,
  ): Promise<LearningAgreementResponse> {
    const party = partyOf(caller);
    return this.writeAgreement(caller, mobilityId, {}, async ({ manager, mobility, state: { latest } }) => {
      if (!latest) throw new NotFoundError('Learning agreement');
      assertCanSign(
        { hash: latest.row.contentHash, status: latest.status, parties: latest.parties },
        party,
        dto.hash,
      );
      const missing = missingForSignature(latest.row.content, mobility.term);
      if (missing.length > 0) {
        throw new DomainException(
          LearningAgreementErrorCode.INCOMPLETE,
          `Version ${latest.row.number} cannot be signed yet: ${missing.join(', ')} missing`,
          HttpStatus.CONFLICT,
          { missing },
        );
      }
      if (party !== 'student' && !dto.position) {
        throw new InvalidInputError('position is required to sign for an institution', ['position']);
      }
      await manager.insert(LearningAgreementSignature, {
        versionId: latest.row.id,
        party,
        signerId: caller.id,
        // The student signs with their account's name; an institution's signatory may type theirs.
        name: party === 'student' || !dto.name ? `${caller.firstName} ${caller.lastName}` : dto.name,
        position: dto.position ?? null,
        email: caller.email,
        signedAt: new Date(),
        contentHash: latest.row.contentHash,
      });
      const parties = [...latest.parties, party];
      const status = versionStatus({ parties, commented: false, isLatest: true });
      await this.announce(manager, mobility, latest.row.number, status, parties);
    });
  }

  /** The receiving side's comment on a proposal: a rejection with its reason. */
  async comment(
    caller: AuthUser,
    mobilityId: string,
    dto: CommentLearningAgreementDto,
  ): Promise<LearningAgreementResponse> {
    return this.writeAgreement(caller, mobilityId, {}, async ({ manager, mobility, state: { latest } }) => {
      if (!latest) throw new NotFoundError('Learning agreement');
      assertCanComment({ hash: latest.row.contentHash, status: latest.status }, dto.hash);
      await manager.insert(LearningAgreementComment, {
        versionId: latest.row.id,
        authorId: caller.id,
        name: `${caller.firstName} ${caller.lastName}`,
        reason: dto.reason,
        commentedAt: new Date(),
        contentHash: latest.row.contentHash,
      });
      await this.notifications.enqueue(manager, {
        kind: 'learning-agreement-commented',
        recipientId: mobility.studentId,
        facts: { host: mobility.receivingInstitution!.name, version: latest.row.number, reason: dto.reason },
        path: `/outgoing/${mobility.id}/learning-agreement`,
        dedupeKey: `la:${latest.row.id}:commented`,
      });
    });
  }

  /** The receiving institution's results per component of table A (the partner or the home coordinator). */
  async recordResults(
    caller: AuthUser,
    mobilityId: string,
    dto: RecordResultsDto,
  ): Promise<LearningAgreementResponse> {
    return this.writeAgreement(
      caller,
      mobilityId,
      { check: assertLive },
      async ({ manager, mobility, agreement, state }) => {
        const approved = approvedContent(state);
        const codes = approved.tableA.map((c) => c.code);
        dto.results.forEach((result, index) => {
          if (!codes.includes(result.code)) {
            throw new InvalidInputError(`table A of the approved version has no component ${result.code}`, [
              `results[${index}].code`,
            ]);
          }
        });
        for (const result of dto.results) {
          await manager.query(
            `INSERT INTO learning_agreement_results (agreement_id, component_code, grade, ects_obtained, recorded_by_id)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (agreement_id, component_code) DO UPDATE
           SET grade = EXCLUDED.grade, ects_obtained = EXCLUDED.ects_obtained,
               recorded_by_id = EXCLUDED.recorded_by_id, updated_at = now()`,
            [agreement.id, result.code, result.grade, result.ectsObtained, caller.id],
          );
        }
        await this.completeIfDone(manager, caller, mobility, agreement.id, approved);
      },
    );
  }

  /** The home coordinator's decision per component of table B: recognised (grade) or not (reason). */
  async recordRecognition(
    caller: AuthUser,
    mobilityId: string,
    dto: RecordRecognitionDto,
  ): Promise<LearningAgreementResponse> {
    return this.writeAgreement(
      caller,
      mobilityId,
      { check: assertLive },
      async ({ manager, mobility, agreement, state }) => {
        const approved = approvedContent(state);
        const codes = approved.tableB.map((c) => c.code);
        dto.decisions.forEach((decision, index) => {
          const field = `decisions[${index}]`;
          if (!codes.includes(decision.code)) {
            throw new InvalidInputError(`table B of the approved version has no component ${decision.code}`, [
              `${field}.code`,
            ]);
          }
          if (decision.recognised && (!decision.grade || decision.reason !== undefined)) {
            throw new InvalidInputError('a recognised component carries its grade, and no reason', [
              `${field}.grade`,
            ]);
          }
          if (!decision.recognised && (!decision.reason || decision.grade !== undefined)) {
            throw new InvalidInputError('a component not recognised states the reason, and no grade', [
              `${field}.reason`,
            ]);
          }
        });
        for (const decision of dto.decisions) {
          await manager.query(
            `INSERT INTO learning_agreement_recognitions (agreement_id, component_code, recognised, grade, reason, decided_by_id)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (agreement_id, component_code) DO UPDATE
           SET recognised = EXCLUDED.recognised, grade = EXCLUDED.grade, reason = EXCLUDED.reason,
               decided_by_id = EXCLUDED.decided_by_id, updated_at = now()`,
            [
              agreement.id,
              decision.code,
              decision.recognised,
              decision.grade ?? null,
              decision.reason ?? null,
              caller.id,
            ],
          );
        }
        await this.completeIfDone(manager, caller, mobility, agreement.id, approved);
      },
    );
  }

  /** The agreement as an EWP OMobility LAs get-response document. */
  async ewpDocument(caller: AuthUser, mobilityId: string): Promise<string> {
    const manager = this.dataSource.manager;
    const mobility = await this.mobility(manager, caller, mobilityId);
    const state = await this.state(manager, mobility.id);
    const ewp = (version: VersionState | null): EwpVersion | null =>
      version
        ? {
            content: version.row.content,
            hash: version.row.contentHash,
            signatures: version.signatures.map((s) => ({
              party: s.party,
              name: s.name,
              position: s.position,
              email: s.email,
              signedAt: s.signedAt,
            })),
          }
        : null;
    const changes =
      state.lastApproved && state.lastApproved !== state.firstApproved ? state.lastApproved : null;
    const proposal = state.latest?.status === 'proposal' ? state.latest : null;
    return omobilityLasGetResponse([
      {
        mobility,
        firstVersion: ewp(state.firstApproved),
        approvedChanges: ewp(changes),
        proposal: ewp(proposal),
      },
    ]);
  }

  /**
   * The latest version as a PDF, with the results and recognition once it is the approved one.
   * No agreement yet is a 404, like an unknown mobility.
   */
  async pdfDocument(caller: AuthUser, mobilityId: string): Promise<Buffer> {
    const manager = this.dataSource.manager;
    const mobility = await this.mobility(manager, caller, mobilityId);
    const agreement = this.respond(mobility, await this.state(manager, mobility.id));
    const version = agreement.current;
    if (!version) throw new NotFoundError('Learning agreement');
    const institution = (side: Institution, faculty: Faculty | null | undefined): PdfInstitution => ({
      name: side.name,
      faculty: faculty?.name ?? null,
      erasmusCode: side.erasmusCode,
      schacCode: side.schacCode,
    });
    return renderLearningAgreementPdf({
      student: { firstName: mobility.firstName, lastName: mobility.lastName, email: mobility.email },
      sending: institution(mobility.sendingInstitution!, mobility.sendingFaculty),
      receiving: institution(mobility.receivingInstitution!, mobility.receivingFaculty),
      academicYear: mobility.academicYear,
      term: mobility.term,
      plannedArrival: mobility.plannedArrival,
      plannedDeparture: mobility.plannedDeparture,
      version,
      recognition: agreement.lastApproved?.number === version.number ? agreement.recognition : null,
      generatedAt: new Date(),
    });
  }

  /**
   * The learning agreements of a student's mobilities (the right of access): every version with
   * its content and signatures, and the results and recognition decisions.
   */
  async exportFor(studentId: string): Promise<ExportedLearningAgreementResponse[]> {
    const manager = this.dataSource.manager;
    const mobilities = await manager
      .getRepository(OutgoingMobility)
      .createQueryBuilder('m')
      .innerJoin(LearningAgreement, 'a', 'a.outgoing_mobility_id = m.id')
      .where('m.student_id = :studentId', { studentId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    const exported: ExportedLearningAgreementResponse[] = [];
    for (const mobility of mobilities) {
      const state = await this.state(manager, mobility.id);
      exported.push({
        mobilityId: mobility.id,
        versions: state.versions.map((version) => versionResponse(version, mobility)),
        recognition: recognitionResponse(state),
      });
    }
    return exported;
  }

  /**
   * Erases the name and email a person's signatures copied from their account, on the erasure's
   * transaction: the only change the append-only trigger lets through, and only while
   * `app.erasure` is on (for this transaction alone). What was signed and its hash stay.
   */
  async eraseSigner(manager: EntityManager, signerId: string): Promise<number> {
    await manager.query(`SELECT set_config('app.erasure', 'on', true)`);
    const [, erased] = (await manager.query(
      `UPDATE learning_agreement_signatures
          SET name = 'Erased Person', email = 'erased-' || signer_id || '@erased.invalid'
        WHERE signer_id = $1`,
      [signerId],
    )) as [unknown, number];
    await manager.query(`SELECT set_config('app.erasure', 'off', true)`);
    return erased;
  }

  // --- internals ---------------------------------------------------------------------------

  /**
   * The mobility as the caller may see it: a student their own, a partner what its institution
   * receives. Write paths lock its row FOR UPDATE (`lock`), always before the agreement's row
   * (the order of OutgoingService.transition, which a cancel and completeIfDone take), so that its
   * status cannot change until they commit.
   */
  private async mobility(
    manager: EntityManager,
    caller: AuthUser,
    id: string,
    lock = false,
  ): Promise<OutgoingMobility> {
    const builder = manager
      .getRepository(OutgoingMobility)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.sendingInstitution', 'sending')
      .innerJoinAndSelect('m.receivingInstitution', 'receiving')
      .leftJoinAndSelect('m.sendingFaculty', 'sendingFaculty')
      .leftJoinAndSelect('m.receivingFaculty', 'receivingFaculty')
      .where('m.id = :id', { id });
    if (caller.role === 'student') builder.andWhere('m.student_id = :student', { student: caller.id });
    if (caller.role === 'partner') {
      builder.andWhere('m.receiving_institution_id = :institution', {
        institution: caller.institutionId ?? '00000000-0000-0000-0000-000000000000',
      });
    }
    if (lock) builder.setLock('pessimistic_write', undefined, ['m']);
    const mobility = await builder.getOne();
    if (!mobility) throw new NotFoundError('Outgoing mobility');
    return mobility;
  }

  /** The agreement's row, locked; created (for a draft) when missing. */
  private async lockAgreement(
    manager: EntityManager,
    mobilityId: string,
    create: boolean,
  ): Promise<LearningAgreement | null> {
    if (create) {
      await manager.query(
        `INSERT INTO learning_agreements (mobility_kind, outgoing_mobility_id) VALUES ('outgoing', $1)
         ON CONFLICT (outgoing_mobility_id) DO NOTHING`,
        [mobilityId],
      );
    }
    const agreement = await manager
      .getRepository(LearningAgreement)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.outgoing_mobility_id = :mobilityId', { mobilityId })
      .getOne();
    if (!agreement && !create) throw new NotFoundError('Learning agreement');
    return agreement;
  }

  private async state(
    manager: EntityManager,
    mobilityId: string,
    known?: LearningAgreement | null,
  ): Promise<AgreementState> {
    const agreement =
      known !== undefined
        ? known
        : await manager.getRepository(LearningAgreement).findOneBy({ outgoingMobilityId: mobilityId });
    if (!agreement) {
      return {
        agreement: null,
        versions: [],
        latest: null,
        lastApproved: null,
        firstApproved: null,
        results: [],
        decisions: [],
      };
    }
    const rows = await manager
      .getRepository(LearningAgreementVersion)
      .find({ where: { agreementId: agreement.id }, order: { number: 'ASC' } });
    const ids = rows.map((row) => row.id);
    const signatures =
      ids.length === 0
        ? []
        : await manager
            .getRepository(LearningAgreementSignature)
            .createQueryBuilder('s')
            .where('s.version_id IN (:...ids)', { ids })
            .orderBy('s.signed_at', 'ASC')
            .getMany();
    const comments =
      ids.length === 0
        ? []
        : await manager
            .getRepository(LearningAgreementComment)
            .createQueryBuilder('c')
            .where('c.version_id IN (:...ids)', { ids })
            .getMany();
    const versions = rows.map((row, index): VersionState => {
      const own = signatures.filter((s) => s.versionId === row.id);
      const comment = comments.find((c) => c.versionId === row.id) ?? null;
      const parties = own.map((s) => s.party);
      return {
        row,
        signatures: own,
        comment,
        parties,
        status: versionStatus({ parties, commented: comment !== null, isLatest: index === rows.length - 1 }),
        kind: 'first-version',
      };
    });
    const approved = versions.filter((v) => v.status === 'approved');
    for (const version of versions) {
      if (approved[0] && version.row.number > approved[0].row.number) version.kind = 'changes';
    }
    return {
      agreement,
      versions,
      latest: versions.at(-1) ?? null,
      lastApproved: approved.at(-1) ?? null,
      firstApproved: approved[0] ?? null,
      results: await manager.getRepository(LearningAgreementResult).find({
        where: { agreementId: agreement.id },
        order: { componentCode: 'ASC' },
      }),
      decisions: await manager.getRepository(LearningAgreementRecognition).find({
        where: { agreementId: agreement.id },
        order: { componentCode: 'ASC' },
      }),
    };
  }

  /** Rewrites the latest version while nobody signed or commented it; otherwise appends one. */
  private async write(
    manager: EntityManager,
    agreement: LearningAgreement,
    state: AgreementState,
    content: LaContent,
    author: AuthUser,
  ): Promise<void> {
    const hash = contentHash(content);
    const latest = state.latest;
    if (latest && !isFrozen({ parties: latest.parties, commented: latest.comment !== null })) {
      await manager
        .getRepository(LearningAgreementVersion)
        .update({ id: latest.row.id }, { content, contentHash: hash, authorId: author.id });
      return;
    }
    await manager.insert(LearningAgreementVersion, {
      agreementId: agreement.id,
      number: (latest?.row.number ?? 0) + 1,
      content,
      contentHash: hash,
      authorId: author.id,
    });
  }

  /** Tells whoever signs next, or the student once it is approved. */
  private async announce(
    manager: EntityManager,
    mobility: OutgoingMobility,
    number: number,
    status: LaVersionStatus,
    parties: LaParty[],
  ): Promise<void> {
    const path = `/outgoing/${mobility.id}/learning-agreement`;
    const host = mobility.receivingInstitution!.name;
    if (status === 'approved') {
      await this.notifications.enqueue(manager, {
        kind: 'learning-agreement-approved',
        recipientId: mobility.studentId,
        facts: { host, version: number },
        path,
        dedupeKey: `la:${mobility.id}:v${number}:approved`,
      });
      return;
    }
    const toSign = (recipientId: string, party: LaParty): NotificationRequest => ({
      kind: 'learning-agreement-to-sign',
      recipientId,
      facts: { student: `${mobility.firstName} ${mobility.lastName}`, host, version: number },
      path,
      dedupeKey: `la:${mobility.id}:v${number}:${party}:${recipientId}`,
    });
    for (const party of nextSigners(status, parties)) {
      if (party === 'student') {
        await this.notifications.enqueue(manager, toSign(mobility.studentId, party));
      } else if (party === 'sending') {
        await this.notifications.enqueueForRole(manager, 'coordinator', (id) => toSign(id, party));
      } else {
        const partners = (await manager.query(
          `SELECT id FROM users WHERE role = 'partner' AND institution_id = $1 AND active AND erased_at IS NULL ORDER BY id`,
          [mobility.receivingInstitutionId],
        )) as Array<{ id: string }>;
        await this.notifications.enqueueMany(
          manager,
          partners.map(({ id }) => toSign(id, party)),
        );
      }
    }
  }

  /** Results and recognition: while the mobility is live, on the last approved version. */
  /**
   * One write to an agreement, in one transaction, in the order every write path keeps: the
   * mobility's row locked first (a concurrent cancel waits or wins) and checked (`assertOpen`
   * unless told otherwise), then the agreement's row locked (created for a draft) and its versions
   * read. Answers the agreement as it is after the write.
   */
  private async writeAgreement(
    caller: AuthUser,
    mobilityId: string,
    options: { create?: boolean; check?: (mobility: OutgoingMobility) => void },
    write: (locked: LockedAgreement) => Promise<void>,
  ): Promise<LearningAgreementResponse> {
    await this.dataSource.transaction(async (manager) => {
      const mobility = await this.mobility(manager, caller, mobilityId, true);
      (options.check ?? assertOpen)(mobility);
      // Without `create`, a missing agreement is a 404 here.
      const agreement = (await this.lockAgreement(manager, mobility.id, options.create ?? false))!;
      const state = await this.state(manager, mobility.id, agreement);
      await write({ manager, mobility, agreement, state });
    });
    return this.get(caller, mobilityId);
  }

  /** Every component of table A has a result and every one of table B a decision: the mobility is recognized. */
  private async completeIfDone(
    manager: EntityManager,
    caller: AuthUser,
    mobility: OutgoingMobility,
    agreementId: string,
    approved: LaContent,
  ): Promise<void> {
    const [results, decisions] = (await Promise.all([
      manager.query(`SELECT component_code FROM learning_agreement_results WHERE agreement_id = $1`, [
        agreementId,
      ]),
      manager.query(`SELECT component_code FROM learning_agreement_recognitions WHERE agreement_id = $1`, [
        agreementId,
      ]),
    ])) as [Array<{ component_code: string }>, Array<{ component_code: string }>];
    const resulted = new Set(results.map((r) => r.component_code));
    const decided = new Set(decisions.map((r) => r.component_code));
    const done =
      approved.tableA.every((c) => resulted.has(c.code)) && approved.tableB.every((c) => decided.has(c.code));
    if (!done) return;
    await this.outgoing.transitionWithin(manager, caller, mobility.id, {
      to: 'recognized',
      // The actual departure is the coordinator's to record: not the day of the last decision.
      date: null,
      comment: 'Learning agreement recognised',
    });
  }

  private respond(mobility: OutgoingMobility, state: AgreementState): LearningAgreementResponse {
    return {
      mobilityId: mobility.id,
      mobilityStatus: mobility.status,
      current: state.latest ? versionResponse(state.latest, mobility) : null,
      lastApproved: state.lastApproved ? versionResponse(state.lastApproved, mobility) : null,
      versions: state.versions.map(summary),
      recognition: recognitionResponse(state),
    };
  }
}

/** The latest versions of agreements of outgoing mobilities, with their mobility and host. */
const WAITING_FROM = `FROM learning_agreement_versions v
  JOIN learning_agreements a ON a.id = v.agreement_id
  JOIN outgoing_mobilities m ON m.id = a.outgoing_mobility_id
  JOIN institutions i ON i.id = m.receiving_institution_id`;

const signedBy = (party: LaParty) =>
  `EXISTS (SELECT 1 FROM learning_agreement_signatures s WHERE s.version_id = v.id AND s.party = '${party}')`;

/** Which latest versions wait for the caller's side, or null when the caller signs for none. */
function waitingWhere(caller: AuthUser): { sql: string; params: unknown[] } | null {
  const common = [
    'NOT EXISTS (SELECT 1 FROM learning_agreement_versions n WHERE n.agreement_id = v.agreement_id AND n.number > v.number)',
    'NOT EXISTS (SELECT 1 FROM learning_agreement_comments c WHERE c.version_id = v.id)',
    `m.status NOT IN ('cancelled', 'recognized')`,
    `m.verification_status <> 'rejected'`,
  ];
  if (caller.role === 'coordinator' || caller.role === 'admin') {
    return { sql: [...common, signedBy('student'), `NOT ${signedBy('sending')}`].join(' AND '), params: [] };
  }
  if (caller.role === 'partner') {
    if (!caller.institutionId) return null;
    return {
      sql: [
        ...common,
        'm.receiving_institution_id = $1',
        signedBy('student'),
        signedBy('sending'),
        `NOT ${signedBy('receiving')}`,
      ].join(' AND '),
      params: [caller.institutionId],
    };
  }
  return null;
}

function assertOpen(mobility: OutgoingMobility): void {
  if (mobility.verificationStatus === 'rejected') {
    throw new DomainException(
      LearningAgreementErrorCode.CLOSED,
      'The receiving institution rejected this nomination: its learning agreement no longer changes',
      HttpStatus.CONFLICT,
      { status: mobility.status, verification: mobility.verificationStatus },
    );
  }
  if (mobility.status === 'cancelled' || mobility.status === 'recognized') {
    throw new DomainException(
      LearningAgreementErrorCode.CLOSED,
      `The mobility is ${mobility.status}: its learning agreement no longer changes`,
      HttpStatus.CONFLICT,
      { status: mobility.status },
    );
  }
}

/** Results and recognition are recorded while the student is abroad. */
function assertLive(mobility: OutgoingMobility): void {
  if (mobility.status !== 'live') {
    throw new DomainException(
      LearningAgreementErrorCode.CLOSED,
      `Results and recognition are recorded while the mobility is live; it is ${mobility.status}`,
      HttpStatus.CONFLICT,
      { status: mobility.status },
    );
  }
}

/** The content results and recognition are about: the last approved version's. */
function approvedContent(state: AgreementState): LaContent {
  if (!state.lastApproved) {
    throw new DomainException(
      LearningAgreementErrorCode.NOT_APPROVED,
      'No version of the learning agreement is approved: there is nothing to recognise yet',
      HttpStatus.CONFLICT,
      { codes: [] },
    );
  }
  return state.lastApproved.row.content;
}

const person = (dto: ResponsiblePersonDto | undefined): LaResponsiblePerson | null =>
  dto
    ? { givenNames: dto.givenNames, familyName: dto.familyName, position: dto.position, email: dto.email }
    : null;

const summary = (version: VersionState): VersionSummaryResponse => ({
  number: version.row.number,
  kind: version.kind,
  status: version.status,
  hash: version.row.contentHash,
  createdAt: version.row.createdAt,
});

function versionResponse(version: VersionState, mobility: OutgoingMobility): VersionResponse {
  const content = version.row.content;
  const { number, kind, status, hash, createdAt } = summary(version);
  return {
    number,
    kind,
    status,
    hash,
    createdAt,
    content,
    totals: totalsOf(content, mobility.term),
    signatures: version.signatures.map((s) => ({
      party: s.party,
      signerId: s.signerId,
      name: s.name,
      position: s.position,
      email: s.email,
      signedAt: s.signedAt,
      hash: s.contentHash,
    })),
    comment: version.comment
      ? {
          authorId: version.comment.authorId,
          name: version.comment.name,
          reason: version.comment.reason,
          at: version.comment.commentedAt,
          hash: version.comment.contentHash,
        }
      : null,
    nextSigners: nextSigners(version.status, version.parties),
    missing: missingForSignature(content, mobility.term),
  };
}

function recognitionResponse(state: AgreementState): RecognitionResponse {
  const approved = state.lastApproved?.row.content;
  const recognised = new Set(state.decisions.filter((d) => d.recognised).map((d) => d.componentCode));
  const resulted = new Set(state.results.map((r) => r.componentCode));
  const decided = new Set(state.decisions.map((d) => d.componentCode));
  return {
    results: state.results.map((r) => ({
      code: r.componentCode,
      grade: r.grade,
      ectsObtained: Number(r.ectsObtained),
      recordedById: r.recordedById,
      recordedAt: r.updatedAt,
    })),
    decisions: state.decisions.map((d) => ({
      code: d.componentCode,
      recognised: d.recognised,
      grade: d.grade,
      reason: d.reason,
      decidedById: d.decidedById,
      decidedAt: d.updatedAt,
    })),
    ectsRecognised: approved
      ? Math.round(
          approved.tableB.filter((c) => recognised.has(c.code)).reduce((total, c) => total + c.ects, 0) * 10,
        ) / 10
      : 0,
    complete: approved
      ? approved.tableA.every((c) => resulted.has(c.code)) &&
        approved.tableB.every((c) => decided.has(c.code))
      : false,
  };
}
