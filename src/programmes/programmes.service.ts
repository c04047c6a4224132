import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { Agreement } from '../agreements/agreement.entity.js';
import type { AuthUser } from '../auth/auth-user.js';
import { brokenConstraint, CHECK_VIOLATION } from '../common/errors/database-errors.js';
import { InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import { ErrorCode } from '../common/errors/error-codes.js';
import { applyKeyset, toPage, type Page } from '../common/pagination/pagination.js';
import { containsSearchText, whereContainsText } from '../common/search.js';
import { Institution } from '../institutions/institution.entity.js';
import type { Role } from '../users/role.js';
import type { CreateProgrammeDto } from './dto/create-programme.dto.js';
import type { ListProgrammesQuery } from './dto/list-programmes.query.js';
import { toProgrammeResponse, type ProgrammeResponse } from './dto/programme.response.js';
import type { UpdateProgrammeDto } from './dto/update-programme.dto.js';
import { PLACES_WITHIN_BOUNDS, placesBelowTaken, ProgrammePlaces } from './programme-places.js';
import { Programme } from './programme.entity.js';
import { dateOrderProblems } from './programme-rules.js';

/** Roles that see programmes of every status; everyone else sees published ones only. */
export const PROGRAMME_STAFF_ROLES: readonly Role[] = ['advisor', 'coordinator', 'admin'];

export function seesEveryProgramme(caller: AuthUser | undefined): boolean {
  return caller !== undefined && PROGRAMME_STAFF_ROLES.includes(caller.role);
}

/** Title search: exactly the expression of the trigram index programmes_title_search_idx. */
export const PROGRAMME_TITLE_MATCHES = containsSearchText('p.title');

const OPEN_AT_NOW = `p.status = 'published' AND p.application_opens_at <= :now AND p.application_closes_at > :now`;

type ProgrammeFields = Omit<
  Programme,
  'id' | 'createdAt' | 'updatedAt' | 'hostInstitution' | 'agreement' | 'placesTaken'
>;

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectRepository(Programme) private readonly programmes: Repository<Programme>,
    private readonly dataSource: DataSource,
    private readonly places: ProgrammePlaces,
  ) {}

  /** By application deadline, soonest first, then id. */
  async list(query: ListProgrammesQuery, caller: AuthUser | undefined): Promise<Page<ProgrammeResponse>> {
    const now = new Date();
    const builder = this.programmes.createQueryBuilder('p').leftJoinAndSelect('p.hostInstitution', 'host');
    if (!seesEveryProgramme(caller)) builder.andWhere(`p.status = 'published'`);
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    if (query.hostInstitutionId) {
      builder.andWhere('p.host_institution_id = :hostInstitutionId', {
        hostInstitutionId: query.hostInstitutionId,
      });
    }
    if (query.countryCode)
      builder.andWhere('host.country_code = :countryCode', { countryCode: query.countryCode });
    if (query.academicYear)
      builder.andWhere('p.academic_year = :academicYear', { academicYear: query.academicYear });
    if (query.term) builder.andWhere('p.term = :term', { term: query.term });
    if (query.open !== undefined) {
      builder.andWhere(query.open ? `(${OPEN_AT_NOW})` : `NOT (${OPEN_AT_NOW})`, { now });
    }
    whereContainsText(builder, ['p.title'], query.q);
    applyKeyset(builder, { columns: ['p.application_closes_at', 'p.id'], direction: 'ASC' }, query);
    const rows = await builder.getMany();
    return toPage(
      rows,
      query.limit,
      (row) => [row.applicationClosesAt.toISOString(), row.id],
      (row) => toProgrammeResponse(row, now),
    );
  }

  /**
   * Ids and titles of the programmes the caller may see, for a filter's choices (the review queue's
   * programme select): the list's order and filters on year and term, without what a card shows.
   */
  async titles(
    query: Pick<ListProgrammesQuery, 'academicYear' | 'term'>,
    caller: AuthUser | undefined,
    limit = 100,
  ): Promise<Array<{ id: string; title: string }>> {
    const builder = this.programmes.createQueryBuilder('p').select(['p.id', 'p.title']);
    if (!seesEveryProgramme(caller)) builder.andWhere(`p.status = 'published'`);
    if (query.academicYear)
      builder.andWhere('p.academic_year = :academicYear', { academicYear: query.academicYear });
    if (query.term) builder.andWhere('p.term = :term', { term: query.term });
    const rows = await builder
      .orderBy('p.application_closes_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(({ id, title }) => ({ id, title }));
  }

  /** A programme the caller may see: a draft or archived one is a 404 to all but staff. */
  async get(id: string, caller: AuthUser | undefined): Promise<ProgrammeResponse> {
    const programme = await this.load(id);
    if (programme.status !== 'published' && !seesEveryProgramme(caller)) throw new NotFoundError('Programme');
    return toProgrammeResponse(programme);
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<Programme> {
    const programme = await manager.findOne(Programme, {
      where: { id },
      relations: { hostInstitution: true },
    });
    if (!programme) throw new NotFoundError('Programme');
    return programme;
  }

  async create(dto: CreateProgrammeDto): Promise<ProgrammeResponse> {
    const fields: ProgrammeFields = {
      title: dto.title,
      hostInstitutionId: dto.hostInstitutionId,
      agreementId: dto.agreementId ?? null,
      academicYear: dto.academicYear,
      term: dto.term,
      startDate: dto.startDate,
      endDate: dto.endDate,
      applicationOpensAt: new Date(dto.applicationOpensAt),
      applicationClosesAt: new Date(dto.applicationClosesAt),
      places: dto.places,
      eligibleFacultyIds: dto.eligibleFacultyIds ?? [],
      languageOfInstruction: dto.languageOfInstruction ?? null,
      minLanguageLevel: dto.minLanguageLevel ?? null,
      description: dto.description ?? '',
      status: dto.status ?? 'draft',
    };
    return this.withDateChecks(() =>
      this.dataSource.transaction(async (manager) => {
        await this.assertValid(fields, manager);
        const saved = await manager.save(Programme, manager.create(Programme, fields));
        return toProgrammeResponse(await this.load(saved.id, manager));
      }),
    );
  }

  /**
   * Changes some fields under a lock on the row, validating the programme as it would be after
   * the change. `places` never drops below `placesTaken`: the UPDATE itself checks it, so an
   * approval committing meanwhile cannot slip between the check and the write.
   */
  async update(id: string, dto: UpdateProgrammeDto): Promise<ProgrammeResponse> {
    return this.withDateChecks(() =>
      this.dataSource.transaction(async (manager) => {
        const current = await manager.findOne(Programme, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!current) throw new NotFoundError('Programme');
        const changes = changesOf(dto);
        if (Object.keys(changes).length === 0) return toProgrammeResponse(await this.load(id, manager));
        await this.assertValid(Object.assign({}, current, changes), manager, changes);
        const places = changes.places ?? current.places;
        await this.places.updateKeepingTaken(manager, id, changes, places, current.placesTaken);
        return toProgrammeResponse(await this.load(id, manager));
      }),
    );
  }

  /** Turns a date-order CHECK the database caught (a time-zone edge) into the 400 it is. */
  private async withDateChecks<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const constraint = brokenConstraint(error, CHECK_VIOLATION);
      if (constraint === 'programmes_dates_ordered' || constraint === 'programmes_window_ordered') {
        throw new InvalidInputError(
          'Dates must be in order: applicationOpensAt < applicationClosesAt <= startDate < endDate',
          ['applicationOpensAt', 'applicationClosesAt', 'startDate', 'endDate'],
        );
      }
      if (constraint === PLACES_WITHIN_BOUNDS) throw placesBelowTaken();
      throw error;
    }
  }

  /** Dates in order, language pairing, and references that exist; lookups only for what changed. */
  private async assertValid(
    programme: ProgrammeFields,
    manager: EntityManager,
    changed: Partial<ProgrammeFields> = programme,
  ): Promise<void> {
    const problems = dateOrderProblems(programme);
    if (problems.length > 0) {
      throw new InvalidInputError(problems.map((problem) => problem.message).join('; '), [
        ...new Set(problems.flatMap((problem) => problem.fields)),
      ]);
    }
    if (programme.minLanguageLevel !== null && programme.languageOfInstruction === null) {
      throw new InvalidInputError(
        'minLanguageLevel needs languageOfInstruction, the language it applies to',
        ['languageOfInstruction', 'minLanguageLevel'],
      );
    }
    if (changed.hostInstitutionId !== undefined) {
      const exists = await manager.existsBy(Institution, { id: programme.hostInstitutionId });
      if (!exists) {
        throw new InvalidInputError(
          'hostInstitutionId names no institution',
          ['hostInstitutionId'],
          ErrorCode.REFERENCED_RECORD_MISSING,
        );
      }
    }
    if (
      programme.agreementId !== null &&
      (changed.agreementId !== undefined || changed.hostInstitutionId !== undefined)
    ) {
      const agreement = await manager.findOneBy(Agreement, { id: programme.agreementId });
      if (!agreement) {
        throw new InvalidInputError(
          'agreementId names no agreement',
          ['agreementId'],
          ErrorCode.REFERENCED_RECORD_MISSING,
        );
      }
      if (agreement.partnerInstitutionId !== programme.hostInstitutionId) {
        throw new InvalidInputError('agreementId must be an agreement with the host institution', [
          'agreementId',
          'hostInstitutionId',
        ]);
      }
    }
    if (changed.eligibleFacultyIds !== undefined && programme.eligibleFacultyIds.length > 0) {
      const found: Array<{ id: string }> = await manager.query(
        `SELECT f.id FROM faculties f JOIN institutions i ON i.id = f.institution_id AND i.is_home WHERE f.id = ANY($1::uuid[])`,
        [programme.eligibleFacultyIds],
      );
      const known = new Set(found.map((row) => row.id));
      const unknown = programme.eligibleFacultyIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new InvalidInputError(
          `eligibleFacultyIds must be faculties of the home institution; these are not: ${unknown.join(', ')}`,
          ['eligibleFacultyIds'],
          ErrorCode.REFERENCED_RECORD_MISSING,
        );
      }
    }
  }
}

const SIMPLE_FIELDS = [
  'title',
  'hostInstitutionId',
  'agreementId',
  'academicYear',
  'term',
  'startDate',
  'endDate',
  'places',
  'eligibleFacultyIds',
  'languageOfInstruction',
  'minLanguageLevel',
  'description',
  'status',
] as const satisfies ReadonlyArray<keyof UpdateProgrammeDto & keyof Programme>;

function changesOf(dto: UpdateProgrammeDto): Partial<ProgrammeFields> {
  const changes: Partial<ProgrammeFields> = {};
  for (const field of SIMPLE_FIELDS) {
    if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
  }
  if (dto.applicationOpensAt !== undefined) changes.applicationOpensAt = new Date(dto.applicationOpensAt);
  if (dto.applicationClosesAt !== undefined) changes.applicationClosesAt = new Date(dto.applicationClosesAt);
  return changes;
}
