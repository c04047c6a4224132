import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { brokenConstraint, UNIQUE_VIOLATION } from '../common/errors/database-errors.js';
import { DomainException, NotFoundError } from '../common/errors/domain.exception.js';
import { applyKeyset, toPage, type Page, type PageQueryDto } from '../common/pagination/pagination.js';
import { containsSearchText, searchParameters } from '../common/search.js';
import type { CreateFacultyDto } from './dto/create-faculty.dto.js';
import type { CreateInstitutionDto } from './dto/create-institution.dto.js';
import { toFacultyResponse, type FacultyResponse } from './dto/faculty.response.js';
import { toInstitutionResponse, type InstitutionResponse } from './dto/institution.response.js';
import type { ListInstitutionsQuery } from './dto/list-institutions.query.js';
import type { UpdateInstitutionDto } from './dto/update-institution.dto.js';
import { Faculty } from './faculty.entity.js';
import { InstitutionErrorCode } from './institution-error-codes.js';
import { Institution } from './institution.entity.js';

/** Name search: exactly the expression of the trigram index institutions_name_search_idx. */
export const INSTITUTION_NAME_MATCHES = containsSearchText('i.name');

/** Unique constraints of the catalogue and the conflict each one means. */
const CONFLICTS: Record<string, { code: InstitutionErrorCode; message: string; field: string }> = {
  institutions_schac_code_unique: {
    code: InstitutionErrorCode.SCHAC_CODE_TAKEN,
    message: 'Another institution already has this schacCode',
    field: 'schacCode',
  },
  institutions_erasmus_code_unique: {
    code: InstitutionErrorCode.ERASMUS_CODE_TAKEN,
    message: 'Another institution already has this erasmusCode',
    field: 'erasmusCode',
  },
  institutions_single_home: {
    code: InstitutionErrorCode.HOME_INSTITUTION_EXISTS,
    message: 'There is exactly one home institution, and another institution already is it',
    field: 'isHome',
  },
  faculties_institution_code_unique: {
    code: InstitutionErrorCode.FACULTY_CODE_TAKEN,
    message: 'This institution already has a faculty with this code',
    field: 'code',
  },
};

/** A unique violation as the 409 naming the rule, or the error unchanged. */
function asConflict(error: unknown): unknown {
  const constraint = brokenConstraint(error, UNIQUE_VIOLATION);
  const conflict = constraint ? CONFLICTS[constraint] : undefined;
  return conflict
    ? new DomainException(conflict.code, conflict.message, 409, {
        fields: [{ field: conflict.field, problems: [conflict.message] }],
      })
    : error;
}

@Injectable()
export class InstitutionsService {
  constructor(
    @InjectRepository(Institution) private readonly institutions: Repository<Institution>,
    @InjectRepository(Faculty) private readonly faculties: Repository<Faculty>,
    private readonly dataSource: DataSource,
  ) {}

  /** Sorted by name then id, so pages are stable even when names repeat. */
  async list(query: ListInstitutionsQuery): Promise<Page<InstitutionResponse>> {
    const builder = this.institutions.createQueryBuilder('i');
    if (query.countryCode)
      builder.andWhere('i.country_code = :countryCode', { countryCode: query.countryCode });
    if (query.q) {
      // Part of the name, or the exact abbreviation or SCHAC code: "umons" finds Université de Mons.
      builder.andWhere(
        `(${INSTITUTION_NAME_MATCHES} OR lower(i.abbreviation) = lower(:exact) OR i.schac_code = lower(:exact))`,
        { ...searchParameters(query.q), exact: query.q.trim() },
      );
    }
    applyKeyset(builder, { columns: ['i.name', 'i.id'], direction: 'ASC' }, query);
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (row) => [row.name, row.id], toInstitutionResponse);
  }

  async get(id: string): Promise<InstitutionResponse> {
    return toInstitutionResponse(await this.load(id));
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<Institution> {
    const institution = await manager.findOneBy(Institution, { id });
    if (!institution) throw new NotFoundError('Institution');
    return institution;
  }

  async create(dto: CreateInstitutionDto): Promise<InstitutionResponse> {
    try {
      // The unique indexes decide (schacCode, erasmusCode, the single home), so racing requests cannot both win.
      const saved = await this.institutions.save(
        this.institutions.create({
          name: dto.name,
          abbreviation: dto.abbreviation ?? null,
          countryCode: dto.countryCode,
          city: dto.city,
          website: dto.website ?? null,
          schacCode: dto.schacCode,
          erasmusCode: dto.erasmusCode ?? null,
          isHome: dto.isHome ?? false,
        }),
      );
      return toInstitutionResponse(saved);
    } catch (error) {
      throw asConflict(error);
    }
  }

  async update(id: string, dto: UpdateInstitutionDto): Promise<InstitutionResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await manager.findOne(Institution, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!current) throw new NotFoundError('Institution');
        if (current.isHome && dto.isHome === false) {
          const message = 'There is exactly one home institution: it cannot stop being the home institution';
          throw new DomainException(InstitutionErrorCode.HOME_INSTITUTION_REQUIRED, message, 409, {
            fields: [{ field: 'isHome', problems: [message] }],
          });
        }
        const changes: Partial<Institution> = {};
        for (const field of FIELDS) {
          if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
        }
        if (Object.keys(changes).length > 0) await manager.update(Institution, { id }, changes);
        return toInstitutionResponse(await this.load(id, manager));
      });
    } catch (error) {
      throw asConflict(error);
    }
  }

  /** The countries of the partner institutions, for a filter's options. */
  async partnerCountryCodes(): Promise<string[]> {
    const rows = await this.institutions
      .createQueryBuilder('i')
      .select('DISTINCT i.country_code', 'code')
      .where('NOT i.is_home')
      .orderBy('code')
      .getRawMany<{ code: string }>();
    return rows.map((row) => row.code);
  }

  /** Every partner institution (not the home one) by name: the choices of a form's select. */
  async partnerChoices(): Promise<Array<{ id: string; name: string }>> {
    return this.institutions
      .createQueryBuilder('i')
      .select(['i.id AS id', 'i.name AS name'])
      .where('NOT i.is_home')
      .orderBy('i.name')
      .addOrderBy('i.id')
      .getRawMany<{ id: string; name: string }>();
  }

  /** The home institution's faculties by name (a student picks theirs when registering). */
  async homeFaculties(): Promise<Faculty[]> {
    return this.faculties
      .createQueryBuilder('f')
      .innerJoin('f.institution', 'i')
      .where('i.is_home')
      .orderBy('f.name', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  }

  /** The faculties of an institution, by code. */
  async listFaculties(institutionId: string, page: PageQueryDto): Promise<Page<FacultyResponse>> {
    await this.load(institutionId);
    const builder = this.faculties
      .createQueryBuilder('f')
      .where('f.institution_id = :institutionId', { institutionId });
    applyKeyset(builder, { columns: ['f.code', 'f.id'], direction: 'ASC' }, page);
    const rows = await builder.getMany();
    return toPage(rows, page.limit, (row) => [row.code, row.id], toFacultyResponse);
  }

  async createFaculty(institutionId: string, dto: CreateFacultyDto): Promise<FacultyResponse> {
    await this.load(institutionId);
    try {
      const saved = await this.faculties.save(
        this.faculties.create({ institutionId, name: dto.name, code: dto.code }),
      );
      return toFacultyResponse(saved);
    } catch (error) {
      throw asConflict(error);
    }
  }
}

const FIELDS = [
  'name',
  'abbreviation',
  'countryCode',
  'city',
  'website',
  'schacCode',
  'erasmusCode',
  'isHome',
] as const satisfies ReadonlyArray<keyof UpdateInstitutionDto & keyof Institution>;
