import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Not, Repository, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/errors/database-errors.js';
import { DomainException, InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import { ErrorCode } from '../common/errors/error-codes.js';
import { stepColumns, timelinePage } from '../common/entities/workflow-event.entity.js';
import { applyKeyset, toPage, type Page, type PageQueryDto } from '../common/pagination/pagination.js';
import { whereContainsText } from '../common/search.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OutgoingService } from '../outgoing/outgoing.service.js';
import { ProgrammePlaces } from '../programmes/programme-places.js';
import { AssessmentsService } from '../selection-rounds/assessments.service.js';
import { SelectionRoundsService } from '../selection-rounds/selection-rounds.service.js';
import { Programme } from '../programmes/programme.entity.js';
import { User } from '../users/user.entity.js';
import { ApplicationChoice } from './application-choice.entity.js';
import { ApplicationErrorCode } from './application-error-codes.js';
import { ApplicationEvent } from './application-event.entity.js';
import {
  assertTransition,
  canTransition,
  APPLICATION_STATUSES,
  checkAnswerToPlace,
  checkChoices,
  defaultConfirmationDeadline,
  checkEligibility,
  checkMotivation,
  checkWindows,
  holdsPlace,
  OUTCOME_STATUS,
  QUEUE_COUNT_CAP,
  QUEUE_STATUSES,
  type ApplicationStatus,
  type QueueStatus,
} from './application-state.js';
import { Application } from './application.entity.js';
import {
  toApplicationEventResponse,
  toApplicationResponse,
  type ApplicationEventResponse,
  type ApplicationResponse,
} from './dto/application.response.js';
import type { ConfirmPlaceDto, DeclinePlaceDto } from './dto/answer-place.dto.js';
import type { CreateApplicationDto } from './dto/create-application.dto.js';
import type { DecisionDto } from './dto/decision.dto.js';
import type { ListApplicationsQuery } from './dto/list-applications.query.js';
import type { UpdateApplicationDto } from './dto/update-application.dto.js';
import type { VerifyLanguageSkillDto } from './dto/verify-language-skill.dto.js';
import type { WithdrawDto } from './dto/withdraw.dto.js';
import { declareSkills, verifySkill } from './language-skills.js';

const ONE_LIVE_PER_TERM = 'applications_one_live_per_term';

/** The statuses a student (or an erasure) may withdraw from. */
const LIVE_STATUSES = APPLICATION_STATUSES.filter((status) => canTransition(status, 'withdrawn'));

/**
 * Whose application a change may touch: a student's own, or for staff any application once
 * submitted (a draft is its student's alone: staff get 404, as for an id that does not exist).
 */
type Scope = { studentId: string } | 'staff';
const STAFF = 'staff' as const;
const scopeOf = (caller: AuthUser): Scope => (caller.role === 'student' ? { studentId: caller.id } : STAFF);

const alreadyExists = () =>
  new DomainException(
    ApplicationErrorCode.ALREADY_EXISTS,
    'You already have an application for this academic year and term that is not rejected or withdrawn',
  );

/** What a status change writes besides the status, and what its event records. */
interface Step {
  to: ApplicationStatus;
  actorId: string;
  at: Date;
  changes?: QueryDeepPartialEntity<Application>;
  comment?: string | null;
  programmeId?: string | null;
}

/**
 * Outgoing applications. Every change locks the application row first (SELECT ... FOR UPDATE in
 * the change's transaction), so two changes of one application run one after the other and the
 * second sees the first's status. Places are taken and freed through ProgrammePlaces in that same
 * transaction: the database, not a read, decides whether one is left.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly places: ProgrammePlaces,
    private readonly notifications: NotificationsService,
    private readonly outgoing: OutgoingService,
    private readonly rounds: SelectionRoundsService,
    private readonly assessments: AssessmentsService,
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    @InjectRepository(ApplicationEvent) private readonly events: Repository<ApplicationEvent>,
  ) {}

  /** A new draft of the signed-in student. */
  async create(student: AuthUser, dto: CreateApplicationDto): Promise<ApplicationResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { academicYear, term } = await this.resolveChoices(manager, dto.choices);
      const now = new Date();
      // ON CONFLICT DO NOTHING: the partial unique index decides, even between two racing requests.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Application)
        .values({
          studentId: student.id,
          academicYear,
          term,
          status: 'draft',
          motivation: dto.motivation ?? null,
          gradeAverage: dto.gradeAverage ?? null,
          languageSkills: declareSkills(dto.languageSkills ?? []),
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const applicationId = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!applicationId) throw alreadyExists();
      await this.insertChoices(manager, applicationId, dto.choices);
      await manager.insert(ApplicationEvent, {
        applicationId,
        programmeId: null,
        ...stepColumns<ApplicationStatus>({ actorId: student.id, from: null, to: 'draft', at: now }),
      });
      return applicationId;
    });
    return this.load(id);
  }

  /** Changes a draft of the signed-in student, if `version` is still the current one. */
  async update(student: AuthUser, id: string, dto: UpdateApplicationDto): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id, { studentId: student.id });
      if (application.version !== dto.version) {
        throw new DomainException(
          ErrorCode.STALE_VERSION,
          `The application changed since you read it (version ${dto.version}, now ${application.version}); read it again`,
          HttpStatus.CONFLICT,
          { currentVersion: application.version },
        );
      }
      if (application.status !== 'draft') {
        throw new DomainException(
          ApplicationErrorCode.NOT_EDITABLE,
          `Only a draft can be edited; this application is ${application.status}`,
        );
      }
      const patch: QueryDeepPartialEntity<Application> = {};
      if (dto.choices !== undefined) {
        if (dto.choices === null) throw new InvalidInputError('choices cannot be null', ['choices']);
        Object.assign(patch, await this.resolveChoices(manager, dto.choices));
        await manager.delete(ApplicationChoice, { applicationId: id });
        await this.insertChoices(manager, id, dto.choices);
      }
      if (dto.motivation !== undefined) patch.motivation = dto.motivation ?? null;
      if (dto.gradeAverage !== undefined) patch.gradeAverage = dto.gradeAverage ?? null;
      if (dto.languageSkills !== undefined) patch.languageSkills = declareSkills(dto.languageSkills ?? []);
      try {
        // The update also raises `version` and `updated_at`.
        await manager.createQueryBuilder().update(Application).set(patch).where('id = :id', { id }).execute();
      } catch (error) {
        if (isUniqueViolation(error, ONE_LIVE_PER_TERM)) throw alreadyExists();
        throw error;
      }
    });
    return this.load(id);
  }

  /** Submits a draft: a full motivation, every choice's window open, the student eligible for each. */
  async submit(student: AuthUser, id: string): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id, { studentId: student.id });
      assertTransition(application.status, 'submitted');
      checkMotivation(application.motivation);
      const programmes = await this.choiceProgrammes(manager, id);
      const now = new Date();
      checkWindows(programmes, now);
      await this.checkEligibleNow(manager, application, programmes);
      await this.step(manager, application, {
        to: 'submitted',
        actorId: student.id,
        at: now,
        changes: { submittedAt: now },
      });
      // The receipt, written with the submission: it exists only if the submission commits.
      await this.notifications.enqueue(manager, {
        kind: 'application-submitted',
        recipientId: application.studentId,
        facts: {
          choices: programmes.map((programme) => programme.title),
          academicYear: application.academicYear,
          term: application.term,
        },
        path: `/applications/${id}`,
        dedupeKey: `application:${id}:submitted`,
      });
    });
    return this.load(id);
  }

  /** The student withdraws; an approved application gives its place back. */
  async withdraw(student: AuthUser, id: string, dto: WithdrawDto): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id, { studentId: student.id });
      await this.withdrawLocked(manager, application, student.id, dto.comment ?? null, new Date());
    });
    return this.load(id);
  }

  /**
   * The student confirms the approved place before its deadline: the application is `confirmed`
   * (it keeps the place) and the outgoing mobility is created as a nomination, in one transaction.
   */
  async confirm(student: AuthUser, id: string, dto: ConfirmPlaceDto): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id, { studentId: student.id });
      const now = new Date();
      checkAnswerToPlace(application, 'confirmed', now);
      await this.step(manager, application, {
        to: 'confirmed',
        actorId: student.id,
        at: now,
        changes: { confirmedAt: now },
        programmeId: application.placedProgrammeId,
      });
      await this.outgoing.createFromApplication(manager, application, student.id, dto, now);
    });
    return this.load(id);
  }

  /**
   * The student declines the approved place before its deadline: the place goes back to the
   * programme (ProgrammePlaces), where a waitlisted application can then be approved.
   */
  async decline(student: AuthUser, id: string, dto: DeclinePlaceDto): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id, { studentId: student.id });
      const now = new Date();
      checkAnswerToPlace(application, 'declined', now);
      const freed = application.placedProgrammeId;
      if (freed) await this.places.free(manager, freed);
      await this.step(manager, application, {
        to: 'declined',
        actorId: student.id,
        at: now,
        changes: { declinedAt: now, placedProgrammeId: null },
        comment: dto.comment ?? null,
        programmeId: freed,
      });
    });
    return this.load(id);
  }

  /**
   * Withdraws every live application of a student, in the caller's transaction (the erasure of
   * the person): each row locked, approved ones give their place back, each gets its event with
   * `actorId` as the actor. Answers how many were withdrawn.
   */
  async withdrawAllOf(
    manager: EntityManager,
    studentId: string,
    actorId: string,
    comment: string,
  ): Promise<number> {
    const live = await manager
      .getRepository(Application)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.student_id = :studentId', { studentId })
      .andWhere('a.status IN (:...live)', { live: LIVE_STATUSES })
      .orderBy('a.id')
      .getMany();
    const now = new Date();
    for (const application of live) await this.withdrawLocked(manager, application, actorId, comment, now);
    return live.length;
  }

  /**
   * Replaces a student's free texts on every application and its timeline, on the caller's
   * transaction (the right to erasure): motivation, language skills, grade and the comments are
   * gone, statuses, dates and places stay for the statistics.
   */
  async eraseStudentTexts(manager: EntityManager, studentId: string, placeholder: string): Promise<void> {
    await manager.query(
      `UPDATE applications
          SET motivation = NULL, language_skills = '[]', grade_average = NULL,
              decision_comment = CASE WHEN decision_comment IS NULL THEN NULL ELSE $2 END,
              updated_at = now()
        WHERE student_id = $1`,
      [studentId, placeholder],
    );
    await manager.query(
      `UPDATE application_events SET comment = $2
        WHERE comment IS NOT NULL AND application_id IN (SELECT id FROM applications WHERE student_id = $1)`,
      [studentId, placeholder],
    );
  }

  /**
   * An advisor's decision. Approving takes a place on the named choice, or on the highest-ranked
   * choice that still has one; none left is PROGRAMME_FULL and nothing changes.
   */
  async decide(advisor: AuthUser, id: string, dto: DecisionDto): Promise<ApplicationResponse> {
    if (dto.programmeId !== undefined && dto.outcome !== 'approve') {
      throw new InvalidInputError('programmeId goes only with outcome approve', ['programmeId']);
    }
    if (dto.confirmationDeadline !== undefined) {
      if (dto.outcome !== 'approve') {
        throw new InvalidInputError('confirmationDeadline goes only with outcome approve', [
          'confirmationDeadline',
        ]);
      }
      if (new Date(dto.confirmationDeadline).getTime() <= Date.now()) {
        throw new InvalidInputError('confirmationDeadline must be in the future', ['confirmationDeadline']);
      }
    }
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id, STAFF);
      assertNotOwn(advisor, application, 'decide');
      const to = OUTCOME_STATUS[dto.outcome];
      assertTransition(application.status, to);
      const programmes = await this.choiceProgrammes(manager, id);
      // The facts may have changed since submission (faculty, verified levels, the programmes' rules).
      if (to !== 'rejected') await this.checkEligibleNow(manager, application, programmes);
      let placed: string | null = null;
      if (to === 'approved') {
        let candidates = programmes.map((programme) => programme.id);
        if (dto.programmeId !== undefined) {
          if (!candidates.includes(dto.programmeId)) {
            throw new InvalidInputError('programmeId must be one of the application’s choices', [
              'programmeId',
            ]);
          }
          candidates = [dto.programmeId];
        }
        for (const programmeId of candidates) {
          if (await this.places.take(manager, programmeId)) {
            placed = programmeId;
            break;
          }
        }
        if (!placed) {
          throw new DomainException(
            ApplicationErrorCode.PROGRAMME_FULL,
            dto.programmeId
              ? 'This programme has no place left (or is no longer published)'
              : 'None of the application’s choices has a place left',
          );
        }
      }
      const now = new Date();
      await this.step(manager, application, {
        to,
        actorId: advisor.id,
        at: now,
        changes: {
          decidedAt: now,
          decisionComment: dto.comment ?? null,
          placedProgrammeId: placed,
          confirmationDeadline: placed
            ? dto.confirmationDeadline
              ? new Date(dto.confirmationDeadline)
              : defaultConfirmationDeadline(now)
            : null,
        },
        comment: dto.comment ?? null,
        programmeId: placed,
      });
      await this.notifyDecision(manager, application, to, placed, programmes, dto.comment ?? null);
      await this.audit.record(
        {
          actorId: advisor.id,
          action: 'application.decided',
          targetType: 'application',
          targetId: id,
          details: { from: application.status, to, placedProgrammeId: placed },
        },
        manager,
      );
    });
    return this.load(id);
  }

  /**
   * An advisor verifies one declared language skill (by its index, from 0) at the level they
   * confirmed, while the application awaits a decision. Audited with the declared level.
   */
  async verifyLanguageSkill(
    advisor: AuthUser,
    id: string,
    index: number,
    dto: VerifyLanguageSkillDto,
  ): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, id, STAFF);
      assertNotOwn(advisor, application, 'verify the language skills of');
      const skills = verifySkill(
        application.status,
        application.languageSkills,
        index,
        dto.cefrLevel,
        advisor.id,
        new Date(),
      );
      await manager
        .createQueryBuilder()
        .update(Application)
        .set({ languageSkills: skills })
        .where('id = :id', { id })
        .execute();
      const skill = skills[index];
      await this.audit.record(
        {
          actorId: advisor.id,
          action: 'application.language-skill.verified',
          targetType: 'application',
          targetId: id,
          details: {
            index,
            language: skill.language,
            declaredLevel: skill.declaredLevel,
            from: application.languageSkills[index].cefrLevel,
            to: skill.cefrLevel,
          },
        },
        manager,
      );
    });
    return this.load(id);
  }

  /** A student's own applications (newest first), or for staff the review queue (oldest submission first). */
  async list(caller: AuthUser, query: ListApplicationsQuery): Promise<Page<ApplicationResponse>> {
    const isStudent = caller.role === 'student';
    const builder = this.applications.createQueryBuilder('a').innerJoinAndSelect('a.student', 's');
    if (isStudent) {
      builder.where('a.student_id = :me', { me: caller.id });
    } else {
      if (query.status === 'draft') {
        throw new InvalidInputError('Drafts are their students’ own: they are not in the review queue', [
          'status',
        ]);
      }
      builder.where('a.submitted_at IS NOT NULL');
    }
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    this.filterQueue(builder, query);
    if (isStudent) {
      applyKeyset(builder, { columns: ['a.created_at', 'a.id'], direction: 'DESC' }, query);
    } else {
      applyKeyset(builder, { columns: ['a.submitted_at', 'a.id'], direction: 'ASC' }, query);
    }
    const rows = await builder.getMany();
    await this.attachChoices(rows);
    return toPage(
      rows,
      query.limit,
      (row) => [(isStudent ? row.createdAt : row.submittedAt!).toISOString(), row.id],
      toApplicationResponse,
    );
  }

  /**
   * The review queue's count per status (every status but draft) under the same filters as the
   * queue (year, term, programme, words), the status filter aside. Staff only.
   */
  /**
   * How many submitted applications of each status match the queue's filters, counted up to
   * `QUEUE_COUNT_CAP` and past it only as "more": each count stops at the cap, so the queue page
   * costs the same with a thousand applications or a million (a full count took ~0.4 s per page
   * over 200,000). Students are joined only when the words filter needs them.
   */
  async countByStatus(
    caller: AuthUser,
    query: Omit<ListApplicationsQuery, 'status' | 'limit' | 'cursor'>,
  ): Promise<Record<QueueStatus, number>> {
    if (caller.role === 'student') throw new NotFoundError('Application');
    // One statement: for each status, the matching rows up to the cap, counted.
    const matching = this.applications
      .createQueryBuilder('a')
      .select('1')
      .where('a.status = queue.status')
      .andWhere('a.submitted_at IS NOT NULL')
      .limit(QUEUE_COUNT_CAP + 1);
    if (query.q) matching.innerJoin('a.student', 's');
    this.filterQueue(matching, query);
    const rows = await this.applications.manager
      .createQueryBuilder()
      .select('queue.status', 'status')
      .addSelect(`(SELECT COUNT(*)::int FROM (${matching.getQuery()}) matching)`, 'count')
      .from('(SELECT unnest(CAST(:statuses AS varchar[])) AS status)', 'queue')
      .setParameters({ ...matching.getParameters(), statuses: [...QUEUE_STATUSES] })
      .getRawMany<{ status: QueueStatus; count: number }>();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Record<
      QueueStatus,
      number
    >;
  }

  /** The filters the queue and its counts share (not the status). */
  private filterQueue(
    builder: SelectQueryBuilder<Application>,
    query: Omit<ListApplicationsQuery, 'status' | 'limit' | 'cursor'>,
  ): void {
    if (query.academicYear) builder.andWhere('a.academic_year = :year', { year: query.academicYear });
    if (query.term) builder.andWhere('a.term = :term', { term: query.term });
    if (query.programmeId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM application_choices c WHERE c.application_id = a.id AND c.programme_id = :programmeId)',
        { programmeId: query.programmeId },
      );
    }
    whereContainsText(builder, ['s.email', "s.first_name || ' ' || s.last_name"], query.q);
  }

  /**
   * One application: a student's own, or for staff any that was submitted; with what the last
   * committed selection round gave it, and for staff its motivation rating.
   */
  async get(caller: AuthUser, id: string): Promise<ApplicationResponse> {
    await this.assertVisible(caller, id);
    const response = await this.load(id);
    const selection = await this.rounds.forApplication(id);
    if (caller.role === 'student') return Object.assign(response, { selection });
    return Object.assign(response, { selection, assessment: await this.assessments.find(id) });
  }

  /** The timeline of an application, in the order of its steps. */
  async listEvents(
    caller: AuthUser,
    id: string,
    query: PageQueryDto,
  ): Promise<Page<ApplicationEventResponse>> {
    await this.assertVisible(caller, id);
    return timelinePage(this.events, 'application_id', id, query, toApplicationEventResponse);
  }

  /** Withdraws a locked application: an approved one gives its place back. */
  private async withdrawLocked(
    manager: EntityManager,
    application: Application,
    actorId: string,
    comment: string | null,
    now: Date,
  ): Promise<void> {
    assertTransition(application.status, 'withdrawn');
    const freed = holdsPlace(application.status) ? application.placedProgrammeId : null;
    if (freed) await this.places.free(manager, freed);
    await this.step(manager, application, {
      to: 'withdrawn',
      actorId,
      at: now,
      changes: { withdrawnAt: now, placedProgrammeId: null },
      comment,
      programmeId: freed,
    });
  }

  // --- helpers ------------------------------------------------------------------------------

  /**
   * Tells the student of a decision, on the decision's transaction (a decision rolled back sends
   * nothing). Each status is reached at most once, so the status names the announcement.
   */
  private async notifyDecision(
    manager: EntityManager,
    application: Application,
    to: ApplicationStatus,
    placed: string | null,
    programmes: Programme[],
    comment: string | null,
  ): Promise<void> {
    const base = {
      recipientId: application.studentId,
      path: `/applications/${application.id}`,
      dedupeKey: `application:${application.id}:${to}`,
    };
    const programme = programmes.find((candidate) => candidate.id === placed)?.title ?? '';
    if (to === 'approved') {
      await this.notifications.enqueue(manager, {
        ...base,
        kind: application.status === 'waitlisted' ? 'application-waitlist-approved' : 'application-approved',
        facts: { programme, comment },
      });
    } else if (to === 'waitlisted') {
      await this.notifications.enqueue(manager, {
        ...base,
        kind: 'application-waitlisted',
        facts: { comment },
      });
    } else if (to === 'rejected') {
      await this.notifications.enqueue(manager, {
        ...base,
        kind: 'application-rejected',
        facts: { reason: comment ?? '' },
      });
    }
  }

  /** Locks the application row for this transaction, if the scope may touch it (404 otherwise). */
  private async lock(manager: EntityManager, id: string, scope: Scope): Promise<Application> {
    const builder = manager
      .getRepository(Application)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id });
    if (scope === STAFF) builder.andWhere('a.submitted_at IS NOT NULL');
    else builder.andWhere('a.student_id = :studentId', { studentId: scope.studentId });
    const application = await builder.getOne();
    if (!application) throw new NotFoundError('Application');
    return application;
  }

  /** Writes the new status with its implied changes, and the event recording it. */
  private async step(manager: EntityManager, application: Application, step: Step): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Application)
      .set({ ...step.changes, status: step.to })
      .where('id = :id', { id: application.id })
      .execute();
    await manager.insert(ApplicationEvent, {
      applicationId: application.id,
      programmeId: step.programmeId ?? null,
      ...stepColumns({ ...step, from: application.status }),
    });
  }

  private async resolveChoices(manager: EntityManager, choiceIds: string[]) {
    const programmes = await manager.find(Programme, { where: { id: In(choiceIds) } });
    return checkChoices(choiceIds, programmes);
  }

  private async insertChoices(manager: EntityManager, applicationId: string, choiceIds: string[]) {
    await manager.insert(
      ApplicationChoice,
      choiceIds.map((programmeId, index) => ({ applicationId, rank: index + 1, programmeId })),
    );
  }

  /** 404 unless the caller may see the application (a student only their own, staff only submitted ones). */
  private async assertVisible(caller: AuthUser, id: string): Promise<void> {
    const scope = scopeOf(caller);
    const found = await this.applications.exists({
      where: scope === STAFF ? { id, submittedAt: Not(IsNull()) } : { id, studentId: scope.studentId },
    });
    if (!found) throw new NotFoundError('Application');
  }

  /** The programmes of an application's choices, first wish first, as they are now. */
  private async choiceProgrammes(manager: EntityManager, applicationId: string): Promise<Programme[]> {
    const choices = await manager.find(ApplicationChoice, {
      where: { applicationId },
      relations: { programme: true },
      order: { rank: 'ASC' },
    });
    return choices.map((choice) => choice.programme!);
  }

  /**
   * Eligibility against the current facts: the student's home faculty as stored now (set by staff
   * once it matters), the application's language skills at their current (possibly verified) level.
   */
  private async checkEligibleNow(
    manager: EntityManager,
    application: Application,
    programmes: Programme[],
  ): Promise<void> {
    const student = await manager.findOne(User, {
      where: { id: application.studentId },
      select: { id: true, homeFacultyId: true },
    });
    checkEligibility(
      { homeFacultyId: student?.homeFacultyId ?? null, languageSkills: application.languageSkills },
      programmes,
    );
  }

  private async load(id: string): Promise<ApplicationResponse> {
    const application = await this.applications.findOne({
      where: { id },
      relations: { student: true, choices: { programme: true } },
    });
    if (!application) throw new NotFoundError('Application');
    return toApplicationResponse(application);
  }

  /** The choices of a page of applications, in one query. */
  private async attachChoices(applications: Application[]): Promise<void> {
    if (applications.length === 0) return;
    const choices = await this.dataSource.getRepository(ApplicationChoice).find({
      where: { applicationId: In(applications.map((application) => application.id)) },
      relations: { programme: true },
    });
    for (const application of applications) {
      application.choices = choices.filter((choice) => choice.applicationId === application.id);
    }
  }
}

/** 403 when the caller is the application's student (a student later made staff, say). */
function assertNotOwn(caller: AuthUser, application: Application, what: string): void {
  if (application.studentId === caller.id) {
    throw new DomainException(
      ApplicationErrorCode.OWN_APPLICATION,
      `Nobody may ${what} an application they are the student of`,
      HttpStatus.FORBIDDEN,
    );
  }
}
