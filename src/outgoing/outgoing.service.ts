import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource, Repository, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Application } from '../applications/application.entity.js';
import type { AuthUser } from '../auth/auth-user.js';
import { today } from '../common/dates.js';
import { stepColumns, timelinePage } from '../common/entities/workflow-event.entity.js';
import { DomainException, InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import { applyKeyset, toPage, type Page, type PageQueryDto } from '../common/pagination/pagination.js';
import { whereContainsText } from '../common/search.js';
import { neutraliseFormula } from '../incoming/csv/csv-cells.js';
import { Faculty } from '../institutions/faculty.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import { Programme } from '../programmes/programme.entity.js';
import { User } from '../users/user.entity.js';
import type { EwpYearQuery } from './dto/ewp-year.query.js';
import type { ListOutgoingQuery, OutgoingFiltersDto } from './dto/outgoing-filters.dto.js';
import {
  toOutgoingEventResponse,
  toOutgoingResponse,
  type OutgoingEventResponse,
  type OutgoingResponse,
} from './dto/outgoing.response.js';
import type { TransitionOutgoingDto } from './dto/transition-outgoing.dto.js';
import type { VerifyOutgoingDto } from './dto/verify-outgoing.dto.js';
import { omobilitiesGetResponse } from './ewp-xml.js';
import { OutgoingErrorCode } from './outgoing-error-codes.js';
import { OutgoingEvent } from './outgoing-event.entity.js';
import { OutgoingMobility } from './outgoing-mobility.entity.js';
import {
  defaultGlobalId,
  eqfLevelOf,
  ewpTermId,
  planTransition,
  verification,
  type OutgoingStatus,
  type VerificationStatus,
} from './outgoing-state.js';

/** What the student adds when confirming (EWP asks for both when known). */
export interface NominationDetails {
  birthDate?: string;
  citizenship?: string;
}

/** The columns of the CSV export, in order. */
export const OUTGOING_CSV_COLUMNS = [
  'id',
  'status',
  'verification',
  'firstName',
  'lastName',
  'email',
  'globalId',
  'birthDate',
  'citizenship',
  'sendingSchacCode',
  'sendingOunitCode',
  'receivingSchacCode',
  'receivingOunitCode',
  'agreementId',
  'programme',
  'academicYear',
  'term',
  'ewpTermId',
  'plannedArrival',
  'plannedDeparture',
  'actualArrival',
  'actualDeparture',
  'eqfLevel',
  'subjectArea',
  'language',
  'cefrLevel',
] as const;

/** Rows read per query while exporting. */
const EXPORT_PAGE_SIZE = 1000;

/** What `q` searches: the student's names, email and European Student Identifier. */
const SEARCHED = `m.first_name || ' ' || m.last_name || ' ' || m.email || ' ' || m.global_id`;

/**
 * Outgoing mobilities (the workflow shape of `src/common/workflow.ts`, like IncomingService): the
 * confirmation of an approved place creates one, in the confirmation's transaction; every later
 * change locks its row first, applies the rule of outgoing-state.ts, and writes the change and
 * its event together.
 */
@Injectable()
export class OutgoingService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(OutgoingMobility) private readonly mobilities: Repository<OutgoingMobility>,
    @InjectRepository(OutgoingEvent) private readonly events: Repository<OutgoingEvent>,
  ) {}

  /**
   * The nomination of a confirmed application, on the caller's transaction (the application row
   * locked and confirmed by it): every EWP field filled from the application, its programme and
   * agreement, the home institution and the student's profile. Answers the new mobility's id.
   */
  async createFromApplication(
    manager: EntityManager,
    application: Application,
    actorId: string,
    details: NominationDetails,
    now: Date,
  ): Promise<string> {
    if (details.birthDate !== undefined && details.birthDate >= today(now)) {
      throw new InvalidInputError('birthDate must be a day in the past', ['birthDate']);
    }
    const programme = await manager.findOneOrFail(Programme, {
      where: { id: application.placedProgrammeId! },
      relations: { agreement: true },
    });
    const home = await manager.findOneBy(Institution, { isHome: true });
    if (!home) throw new Error('No home institution: the reference data was not loaded');
    const student = await manager.findOneByOrFail(User, { id: application.studentId });
    const agreement = programme.agreement ?? null;
    const language = programme.languageOfInstruction?.trim().toLowerCase() || agreement?.languageCode || null;
    const skill = language
      ? application.languageSkills.find((candidate) => candidate.language === language)
      : undefined;
    const cefrLevel = language
      ? (skill?.cefrLevel ?? programme.minLanguageLevel ?? agreement?.languageCefrLevel ?? null)
      : null;
    const inserted = await manager.insert(OutgoingMobility, {
      applicationId: application.id,
      studentId: student.id,
      programmeId: programme.id,
      sendingInstitutionId: home.id,
      sendingFacultyId: student.homeFacultyId ?? agreement?.facultyId ?? null,
      receivingInstitutionId: programme.hostInstitutionId,
      receivingFacultyId: null,
      agreementId: programme.agreementId,
      firstName: student.firstName,
      lastName: student.lastName,
      email: student.email,
      globalId: defaultGlobalId(home.schacCode, student.studentNumber ?? student.id),
      birthDate: details.birthDate ?? null,
      citizenship: details.citizenship ?? null,
      academicYear: application.academicYear,
      term: application.term,
      plannedArrival: programme.startDate,
      plannedDeparture: programme.endDate,
      eqfLevel: eqfLevelOf(student.studyLevel),
      subjectArea: agreement?.subjectAreas[0] ?? null,
      language,
      cefrLevel,
      status: 'nomination',
      verificationStatus: 'pending',
    });
    const id = (inserted.identifiers[0] as { id: string }).id;
    await manager.insert(OutgoingEvent, {
      mobilityId: id,
      date: null,
      verification: null,
      ...stepColumns<OutgoingStatus>({ actorId, from: null, to: 'nomination', at: now }),
    });
    return id;
  }

  /** One mobility; a partner sees only those their institution receives (404 otherwise). */
  async get(caller: AuthUser, id: string): Promise<OutgoingResponse> {
    return this.load(id, caller);
  }

  /**
   * The mobility a confirmed application became, for its student (their application page): null
   * before confirmation, and for anyone else's application.
   */
  async ofApplication(student: AuthUser, applicationId: string): Promise<OutgoingResponse | null> {
    const mobility = await this.withRelations(this.mobilities.createQueryBuilder('m'))
      .where('m.application_id = :applicationId AND m.student_id = :studentId', {
        applicationId,
        studentId: student.id,
      })
      .getOne();
    return mobility ? toOutgoingResponse(mobility) : null;
  }

  /** Newest first, filtered; keyset pages. */
  async list(caller: AuthUser, query: ListOutgoingQuery): Promise<Page<OutgoingResponse>> {
    const builder = this.withRelations(this.mobilities.createQueryBuilder('m'));
    scopeTo(builder, caller);
    applyOutgoingFilters(builder, query);
    applyKeyset(builder, { columns: ['m.created_at', 'm.id'], direction: 'DESC' }, query);
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], toOutgoingResponse);
  }

  /** Moves the mobility one step (`live` on arrival, `recognized`, or `cancelled`). */
  async transition(actor: AuthUser, id: string, dto: TransitionOutgoingDto): Promise<OutgoingResponse> {
    await this.dataSource.transaction(async (manager) => {
      // The row locked first: a learning agreement is drafted under the same lock.
      const current = await this.lock(manager, id);
      // Only a move that could otherwise happen: a cancelled mobility keeps its own answer.
      if (
        dto.to === 'recognized' &&
        current.status === 'live' &&
        (await this.hasLearningAgreement(id, manager))
      ) {
        throw new DomainException(
          OutgoingErrorCode.RECOGNITION_BY_AGREEMENT,
          'This mobility has a learning agreement: it is recognized once its results and recognition are recorded there',
          HttpStatus.CONFLICT,
          { from: 'live', to: 'recognized' },
        );
      }
      await this.transitionWithin(manager, actor, id, dto);
    });
    return this.load(id);
  }

  /** Whether the mobility has a learning agreement (which then recognizes it: no manual step). */
  async hasLearningAgreement(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM learning_agreements WHERE outgoing_mobility_id = $1`, [
      id,
    ])) as unknown[];
    return rows.length > 0;
  }

  /**
   * The same step on the caller's transaction (the learning agreement's recognition moves the
   * mobility to `recognized` with the decisions that complete it). A `date` of null moves to
   * `recognized` keeping the actual departure recorded (none if none was).
   */
  async transitionWithin(
    manager: EntityManager,
    actor: Pick<AuthUser, 'id'>,
    id: string,
    dto: Pick<TransitionOutgoingDto, 'to' | 'comment'> & { date?: string | null },
  ): Promise<void> {
    const current = await this.lock(manager, id);
    const changes = planTransition(current, { to: dto.to, date: dto.date }, today());
    await manager.getRepository(OutgoingMobility).update({ id }, changes);
    await manager.insert(OutgoingEvent, {
      mobilityId: id,
      date: changes.actualArrival ?? changes.actualDeparture ?? null,
      verification: null,
      ...stepColumns({
        actorId: actor.id,
        from: current.status,
        to: changes.status,
        comment: dto.comment ?? null,
        at: new Date(),
      }),
    });
  }

  /**
   * The receiving institution's answer to the nomination: verified (optionally naming its faculty
   * that hosts the student) or rejected with a reason. Once, while the mobility is a nomination.
   */
  async verify(actor: AuthUser, id: string, dto: VerifyOutgoingDto): Promise<OutgoingResponse> {
    if (dto.receivingFacultyId !== undefined && dto.outcome !== 'verified') {
      throw new InvalidInputError('receivingFacultyId goes only with outcome verified', [
        'receivingFacultyId',
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, id, actor);
      const to: VerificationStatus = dto.outcome;
      if (current.status !== 'nomination') {
        throw new DomainException(
          OutgoingErrorCode.ALREADY_ANSWERED,
          `The receiving institution answers a nomination; this mobility is ${current.status}`,
          HttpStatus.CONFLICT,
          { from: current.verificationStatus, to },
        );
      }
      verification.assertTransition(current.verificationStatus, to);
      if (dto.receivingFacultyId !== undefined) {
        const found = await manager.existsBy(Faculty, {
          id: dto.receivingFacultyId,
          institutionId: current.receivingInstitutionId,
        });
        if (!found) {
          throw new InvalidInputError('receivingFacultyId must be a faculty of the receiving institution', [
            'receivingFacultyId',
          ]);
        }
      }
      const at = new Date();
      await manager.getRepository(OutgoingMobility).update(
        { id },
        {
          verificationStatus: to,
          verificationComment: dto.comment ?? null,
          verifiedAt: at,
          ...(dto.receivingFacultyId !== undefined ? { receivingFacultyId: dto.receivingFacultyId } : {}),
        },
      );
      await manager.insert(OutgoingEvent, {
        mobilityId: id,
        date: null,
        verification: to,
        ...stepColumns({
          actorId: actor.id,
          from: current.status,
          to: current.status,
          comment: dto.comment ?? null,
          at,
        }),
      });
    });
    return this.load(id);
  }

  /** The mobility's history, oldest first. */
  async listEvents(caller: AuthUser, id: string, page: PageQueryDto): Promise<Page<OutgoingEventResponse>> {
    const found = await scopeTo(
      this.mobilities.createQueryBuilder('m').where('m.id = :id', { id }),
      caller,
    ).getExists();
    if (!found) throw new NotFoundError('Outgoing mobility');
    return timelinePage(this.events, 'mobility_id', id, page, toOutgoingEventResponse);
  }

  /** The filtered mobilities as CSV text (UTF-8, header row, formula-like cells neutralised). */
  async exportCsv(_caller: AuthUser, filters: OutgoingFiltersDto): Promise<string> {
    const records: Array<Record<string, string | null>> = [];
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const builder = this.withRelations(this.mobilities.createQueryBuilder('m'));
      applyOutgoingFilters(builder, filters);
      if (after) {
        builder.andWhere('(m.created_at, m.id) < (:createdAt, :id)', after);
      }
      const rows = await builder
        .orderBy('m.created_at', 'DESC')
        .addOrderBy('m.id', 'DESC')
        .take(EXPORT_PAGE_SIZE)
        .getMany();
      records.push(...rows.map(csvRecord));
      if (rows.length < EXPORT_PAGE_SIZE) break;
      const last = rows[rows.length - 1];
      after = { createdAt: last.createdAt, id: last.id };
    }
    const safe = records.map((record) =>
      Object.fromEntries(
        Object.entries(record).map(([key, value]) => [key, value === null ? null : neutraliseFormula(value)]),
      ),
    );
    return stringify(safe, {
      header: true,
      columns: [...OUTGOING_CSV_COLUMNS],
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      bom: false,
    });
  }

  /** One mobility as an EWP OMobilities get-response document. */
  async ewpDocument(caller: AuthUser, id: string): Promise<string> {
    const builder = this.withRelations(this.mobilities.createQueryBuilder('m')).where('m.id = :id', { id });
    const mobility = await scopeTo(builder, caller).getOne();
    if (!mobility) throw new NotFoundError('Outgoing mobility');
    return omobilitiesGetResponse([mobility]);
  }

  /** Every mobility of an academic year (optionally to one host) in one EWP document, oldest first. */
  async ewpYearDocument(caller: AuthUser, query: EwpYearQuery): Promise<string> {
    const builder = this.withRelations(this.mobilities.createQueryBuilder('m')).where(
      'm.academic_year = :year',
      { year: query.academicYear },
    );
    scopeTo(builder, caller);
    if (query.hostInstitutionId) {
      builder.andWhere('m.receiving_institution_id = :host', { host: query.hostInstitutionId });
    }
    const rows = await builder.orderBy('m.created_at', 'ASC').addOrderBy('m.id', 'ASC').getMany();
    return omobilitiesGetResponse(rows);
  }

  /**
   * A person's outgoing mobilities with their timelines, for their personal-data export (what
   * was nominated in their name: names, email, identifiers, birth date, citizenship).
   */
  async exportFor(studentId: string): Promise<Array<OutgoingResponse & { events: OutgoingEventResponse[] }>> {
    const mobilities = await this.withRelations(this.mobilities.createQueryBuilder('m'))
      .where('m.student_id = :studentId', { studentId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    if (!mobilities.length) return [];
    const events = await this.events
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.actor', 'actor')
      .where('e.mobility_id IN (:...ids)', { ids: mobilities.map((mobility) => mobility.id) })
      .orderBy('e.id', 'ASC')
      .getMany();
    return mobilities.map((mobility) => ({
      ...toOutgoingResponse(mobility),
      events: events.filter((event) => event.mobilityId === mobility.id).map(toOutgoingEventResponse),
    }));
  }

  /**
   * Erases the personal data a person's mobilities copied at nomination, on the caller's
   * transaction (the right to erasure): names and email as on the erased account, the European
   * Student Identifier rebuilt from the account id (it may carry the student number), no birth
   * date nor citizenship, and the free texts (the receiving side's comment, the events' comments)
   * replaced by `placeholder`. Statuses, dates, hosts and terms stay for the statistics and EWP.
   * One statement per table: a query with parameters is a prepared statement, which holds one.
   */
  async eraseStudent(manager: EntityManager, studentId: string, placeholder: string): Promise<number> {
    const [, erased] = (await manager.query(
      `UPDATE outgoing_mobilities m
          SET first_name = 'Erased', last_name = 'Person',
              email = 'erased-' || m.student_id || '@erased.invalid',
              global_id = 'urn:schac:personalUniqueCode:int:esi:' || home.schac_code || ':' || m.student_id,
              birth_date = NULL, citizenship = NULL,
              verification_comment = CASE WHEN m.verification_comment IS NULL THEN NULL ELSE $2 END,
              updated_at = now()
         FROM institutions home
        WHERE home.id = m.sending_institution_id AND m.student_id = $1`,
      [studentId, placeholder],
    )) as [unknown, number];
    await manager.query(
      `UPDATE outgoing_events SET comment = $2
        WHERE comment IS NOT NULL AND mobility_id IN (SELECT id FROM outgoing_mobilities WHERE student_id = $1)`,
      [studentId, placeholder],
    );
    return erased;
  }

  /**
   * Cancels the student's mobilities still in `nomination`, on the erasure's transaction: a host
   * must not go on answering, or receive, a nominee whose data are gone. A live or finished
   * mobility stays as it is (only its copied data are erased). Returns how many were cancelled.
   */
  async cancelNominationsOf(
    manager: EntityManager,
    studentId: string,
    actor: Pick<AuthUser, 'id'>,
    comment: string,
  ): Promise<number> {
    const nominations = (await manager.query(
      `SELECT id FROM outgoing_mobilities WHERE student_id = $1 AND status = 'nomination' ORDER BY id FOR UPDATE`,
      [studentId],
    )) as Array<{ id: string }>;
    for (const { id } of nominations)
      await this.transitionWithin(manager, actor, id, { to: 'cancelled', comment });
    return nominations.length;
  }

  private withRelations(builder: SelectQueryBuilder<OutgoingMobility>): SelectQueryBuilder<OutgoingMobility> {
    return builder
      .innerJoinAndSelect('m.sendingInstitution', 'sending')
      .innerJoinAndSelect('m.receivingInstitution', 'receiving')
      .leftJoinAndSelect('m.sendingFaculty', 'sendingFaculty')
      .leftJoinAndSelect('m.receivingFaculty', 'receivingFaculty')
      .innerJoinAndSelect('m.programme', 'programme');
  }

  private async load(id: string, caller?: AuthUser): Promise<OutgoingResponse> {
    const builder = this.withRelations(this.mobilities.createQueryBuilder('m')).where('m.id = :id', { id });
    if (caller) scopeTo(builder, caller);
    const mobility = await builder.getOne();
    if (!mobility) throw new NotFoundError('Outgoing mobility');
    return toOutgoingResponse(mobility);
  }

  private async lock(manager: EntityManager, id: string, caller?: AuthUser): Promise<OutgoingMobility> {
    const builder = manager
      .getRepository(OutgoingMobility)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id });
    if (caller) scopeTo(builder, caller);
    const mobility = await builder.getOne();
    if (!mobility) throw new NotFoundError('Outgoing mobility');
    return mobility;
  }
}

const isPartner = (caller: AuthUser) => caller.role === 'partner';

/**
 * A partner coordinator sees only the mobilities their institution receives; staff see all. A
 * partner without an institution (impossible by the CHECK) would see nothing.
 */
function scopeTo(
  builder: SelectQueryBuilder<OutgoingMobility>,
  caller: AuthUser,
): SelectQueryBuilder<OutgoingMobility> {
  if (isPartner(caller)) {
    builder.andWhere('m.receiving_institution_id = :partnerInstitution', {
      partnerInstitution: caller.institutionId ?? '00000000-0000-0000-0000-000000000000',
    });
  }
  return builder;
}

/** The list and export filters, on a query over outgoing_mobilities aliased `m`. */
function applyOutgoingFilters(
  builder: SelectQueryBuilder<OutgoingMobility>,
  filters: OutgoingFiltersDto,
): void {
  if (filters.status) builder.andWhere('m.status = :status', { status: filters.status });
  if (filters.hostInstitutionId) {
    builder.andWhere('m.receiving_institution_id = :host', { host: filters.hostInstitutionId });
  }
  if (filters.academicYear) builder.andWhere('m.academic_year = :year', { year: filters.academicYear });
  if (filters.term) builder.andWhere('m.term = :term', { term: filters.term });
  whereContainsText(builder, [SEARCHED], filters.q);
}

function csvRecord(mobility: OutgoingMobility): Record<(typeof OUTGOING_CSV_COLUMNS)[number], string | null> {
  return {
    id: mobility.id,
    status: mobility.status,
    verification: mobility.verificationStatus,
    firstName: mobility.firstName,
    lastName: mobility.lastName,
    email: mobility.email,
    globalId: mobility.globalId,
    birthDate: mobility.birthDate,
    citizenship: mobility.citizenship,
    sendingSchacCode: mobility.sendingInstitution?.schacCode ?? null,
    sendingOunitCode: mobility.sendingFaculty?.code ?? null,
    receivingSchacCode: mobility.receivingInstitution?.schacCode ?? null,
    receivingOunitCode: mobility.receivingFaculty?.code ?? null,
    agreementId: mobility.agreementId,
    programme: mobility.programme?.title ?? null,
    academicYear: mobility.academicYear,
    term: mobility.term,
    ewpTermId: ewpTermId(mobility.academicYear, mobility.term),
    plannedArrival: mobility.plannedArrival,
    plannedDeparture: mobility.plannedDeparture,
    actualArrival: mobility.actualArrival,
    actualDeparture: mobility.actualDeparture,
    eqfLevel: mobility.eqfLevel === null ? null : String(mobility.eqfLevel),
    subjectArea: mobility.subjectArea,
    language: mobility.language,
    cefrLevel: mobility.cefrLevel,
  };
}
