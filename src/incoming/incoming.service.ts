import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/errors/database-errors.js';
import { DomainException, NotFoundError } from '../common/errors/domain.exception.js';
import { applyKeyset, toPage, type Page, type PageQueryDto } from '../common/pagination/pagination.js';
import { today } from '../common/dates.js';
import { stepColumns, timelinePage } from '../common/entities/workflow-event.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreateIncomingDto } from './dto/create-incoming.dto.js';
import type { ListIncomingQuery } from './dto/incoming-filters.dto.js';
import {
  toIncomingEventResponse,
  toIncomingResponse,
  type IncomingEventResponse,
  type IncomingResponse,
} from './dto/incoming.response.js';
import type { TransitionIncomingDto } from './dto/transition-incoming.dto.js';
import type { UpdateIncomingDto } from './dto/update-incoming.dto.js';
import { IncomingErrorCode } from './incoming-error-codes.js';
import { IncomingEvent } from './incoming-event.entity.js';
import { plannedDateProblems } from './incoming-dates.js';
import { applyIncomingFilters } from './incoming-filters.js';
import { IncomingMobility } from './incoming-mobility.entity.js';
import { fieldProblems, referenceProblems, type FieldProblem } from './incoming-references.js';
import { planTransition, type IncomingStatus } from './incoming-state.js';

/** The fields a PATCH may not set to null (agreementId may: it removes the agreement). */
const REQUIRED_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'homeInstitutionId',
  'hostFacultyId',
  'academicYear',
  'term',
  'plannedArrival',
  'plannedDeparture',
  'notes',
] as const;

/** One live mobility per email, academic year and term (see the entity). */
const ONE_LIVE_PER_TERM = 'incoming_email_year_term_unique';

function alreadyExists(email: string, academicYear: string, term: string): DomainException {
  return new DomainException(
    IncomingErrorCode.ALREADY_EXISTS,
    `${email} already has an incoming mobility for ${academicYear} (${term}) that is not cancelled`,
  );
}

export interface NewEvent {
  mobilityId: string;
  actorId: string;
  fromStatus: IncomingStatus | null;
  toStatus: IncomingStatus;
  date?: string | null;
  comment?: string | null;
}

/**
 * Writes history events on the caller's transaction, stamped now (after the row lock the caller
 * holds, so a transition that waited for a lock comes after the one it waited on).
 */
export async function insertEvents(manager: EntityManager, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const at = new Date();
  await manager.insert(
    IncomingEvent,
    events.map(({ mobilityId, date, actorId, fromStatus, toStatus, comment }) => ({
      mobilityId,
      date: date ?? null,
      ...stepColumns({ actorId, from: fromStatus, to: toStatus, comment, at }),
    })),
  );
}

/** A partner coordinator's reads are held to their own institution's students. */
const NO_INSTITUTION = '00000000-0000-0000-0000-000000000000';
function partnerScope(caller: AuthUser | undefined): { homeInstitutionId?: string } {
  return caller?.role === 'partner' ? { homeInstitutionId: caller.institutionId ?? NO_INSTITUTION } : {};
}

/**
 * Incoming mobilities (the workflow shape of `src/common/workflow.ts`, like ApplicationsService):
 * every change locks the mobility row first (SELECT ... FOR UPDATE in the change's transaction),
 * applies the rule of incoming-state.ts, and writes the status and its event together.
 */
@Injectable()
export class IncomingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    @InjectRepository(IncomingMobility) private readonly mobilities: Repository<IncomingMobility>,
    @InjectRepository(IncomingEvent) private readonly events: Repository<IncomingEvent>,
  ) {}

  /**
   * Records a nomination (status `nominated`) and its first event. A partner coordinator nominates
   * only their own institution's students (another institution is a 404 to them).
   */
  async create(actor: AuthUser, dto: CreateIncomingDto): Promise<IncomingResponse> {
    if (actor.role === 'partner' && dto.homeInstitutionId !== actor.institutionId) {
      throw new NotFoundError('Institution');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const values = {
        firstName: dto.firstName,
        lastName: dto.lastName,
        email: dto.email,
        homeInstitutionId: dto.homeInstitutionId,
        hostFacultyId: dto.hostFacultyId,
        agreementId: dto.agreementId ?? null,
        academicYear: dto.academicYear,
        term: dto.term,
        plannedArrival: dto.plannedArrival,
        plannedDeparture: dto.plannedDeparture,
        notes: dto.notes ?? '',
        status: 'nominated' as const,
      };
      await this.assertValid(manager, values);
      // The partial unique index decides, so two identical nominations racing cannot both land.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(IncomingMobility)
        .values(values)
        .orIgnore()
        .returning(['id'])
        .execute();
      const newId = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!newId) throw alreadyExists(values.email, values.academicYear, values.term);
      await insertEvents(manager, [
        { mobilityId: newId, actorId: actor.id, fromStatus: null, toStatus: 'nominated' },
      ]);
      // Every coordinator hears of the nomination, with it (nothing if it rolls back).
      const home = await manager.findOneBy(Institution, { id: values.homeInstitutionId });
      await this.notifications.enqueueForRole(manager, 'coordinator', (coordinatorId) => ({
        kind: 'incoming-nominated',
        recipientId: coordinatorId,
        facts: {
          name: `${values.firstName} ${values.lastName}`,
          institution: home?.name ?? '',
          academicYear: values.academicYear,
          term: values.term,
          plannedArrival: values.plannedArrival,
        },
        path: `/incoming/${newId}`,
        dedupeKey: `incoming:${newId}:nominated:${coordinatorId}`,
      }));
      return newId;
    });
    return this.get(id);
  }

  /** One mobility; a partner coordinator sees only their own institution's students (404 otherwise). */
  async get(id: string, caller?: AuthUser): Promise<IncomingResponse> {
    const mobility = await this.mobilities.findOne({
      where: { id, ...partnerScope(caller) },
      relations: { homeInstitution: true, hostFaculty: true },
    });
    if (!mobility) throw new NotFoundError('Incoming mobility');
    return toIncomingResponse(mobility);
  }

  /** Newest first, filtered; keyset pages. */
  async list(query: ListIncomingQuery, caller?: AuthUser): Promise<Page<IncomingResponse>> {
    const builder = this.mobilities
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.homeInstitution', 'home')
      .leftJoinAndSelect('m.hostFaculty', 'faculty');
    const scope = partnerScope(caller);
    if (scope.homeInstitutionId) {
      builder.andWhere('m.home_institution_id = :partnerInstitution', {
        partnerInstitution: scope.homeInstitutionId,
      });
    }
    applyIncomingFilters(builder, 'm', query);
    applyKeyset(builder, { columns: ['m.created_at', 'm.id'], direction: 'DESC' }, query);
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], toIncomingResponse);
  }

  /** Corrects the details of a nomination; status and actual dates change only by transitions. */
  async update(id: string, dto: UpdateIncomingDto): Promise<IncomingResponse> {
    const nulled = REQUIRED_FIELDS.filter((field) => (dto as Record<string, unknown>)[field] === null);
    if (nulled.length > 0) {
      throw fieldProblems(nulled.map((field) => ({ field, message: `${field} cannot be null` })));
    }
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockedMobility(manager, id);
      const changes: Partial<IncomingMobility> = Object.fromEntries(
        Object.entries(dto).filter(([, value]) => value !== undefined),
      );
      if (Object.keys(changes).length === 0) return;
      const merged = Object.assign(current, changes);
      const referencesChanged = ['homeInstitutionId', 'hostFacultyId', 'agreementId'].some(
        (field) => field in changes,
      );
      await this.assertValid(manager, merged, referencesChanged);
      try {
        await manager.getRepository(IncomingMobility).update({ id }, changes);
      } catch (error) {
        if (isUniqueViolation(error, ONE_LIVE_PER_TERM))
          throw alreadyExists(merged.email, merged.academicYear, merged.term);
        throw error;
      }
    });
    return this.get(id);
  }

  /** Moves the mobility one step; the row lock makes concurrent transitions queue up. */
  async transition(actor: AuthUser, id: string, dto: TransitionIncomingDto): Promise<IncomingResponse> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockedMobility(manager, id);
      const changes = planTransition(current, { to: dto.to, date: dto.date }, today());
      await manager.getRepository(IncomingMobility).update({ id }, changes);
      await insertEvents(manager, [
        {
          mobilityId: id,
          actorId: actor.id,
          fromStatus: current.status,
          toStatus: changes.status,
          date: changes.actualArrival ?? changes.actualDeparture ?? null,
          comment: dto.comment ?? null,
        },
      ]);
    });
    return this.get(id);
  }

  /** The mobility's history, oldest first. */
  async listEvents(id: string, page: PageQueryDto, caller?: AuthUser): Promise<Page<IncomingEventResponse>> {
    if (!(await this.mobilities.existsBy({ id, ...partnerScope(caller) }))) {
      throw new NotFoundError('Incoming mobility');
    }
    return timelinePage(this.events, 'mobility_id', id, page, toIncomingEventResponse);
  }

  private async lockedMobility(manager: EntityManager, id: string): Promise<IncomingMobility> {
    const mobility = await manager
      .getRepository(IncomingMobility)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
    if (!mobility) throw new NotFoundError('Incoming mobility');
    return mobility;
  }

  /** The rules the DTO cannot see: the dates' order and what the references point at. */
  private async assertValid(
    manager: EntityManager,
    mobility: Pick<
      IncomingMobility,
      'homeInstitutionId' | 'hostFacultyId' | 'agreementId' | 'plannedArrival' | 'plannedDeparture'
    >,
    checkReferences = true,
  ): Promise<void> {
    const problems: FieldProblem[] = plannedDateProblems(mobility);
    if (checkReferences) problems.push(...(await referenceProblems(manager, mobility)));
    if (problems.length > 0) throw fieldProblems(problems);
  }
}
