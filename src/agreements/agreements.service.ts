import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import { ErrorCode } from '../common/errors/error-codes.js';
import { applyKeyset, toPage, type Page } from '../common/pagination/pagination.js';
import { Faculty } from '../institutions/faculty.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import { Agreement } from './agreement.entity.js';
import { toAgreementResponse, type AgreementResponse } from './dto/agreement.response.js';
import type { CreateAgreementDto } from './dto/create-agreement.dto.js';
import type { ListAgreementsQuery } from './dto/list-agreements.query.js';
import type { UpdateAgreementDto } from './dto/update-agreement.dto.js';

type AgreementFields = Omit<Agreement, 'id' | 'createdAt' | 'updatedAt' | 'partnerInstitution' | 'faculty'>;

@Injectable()
export class AgreementsService {
  constructor(
    @InjectRepository(Agreement) private readonly agreements: Repository<Agreement>,
    private readonly dataSource: DataSource,
  ) {}

  /** Newest first, or by last academic year (latest first) when asked. */
  async list(query: ListAgreementsQuery): Promise<Page<AgreementResponse>> {
    const builder = this.agreements
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.partnerInstitution', 'partner');
    if (query.partnerInstitutionId) {
      builder.andWhere('a.partner_institution_id = :partnerInstitutionId', {
        partnerInstitutionId: query.partnerInstitutionId,
      });
    }
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    if (query.academicYear) {
      // 'YYYY/YYYY' strings sort like the years they name.
      builder.andWhere('a.first_academic_year <= :year AND a.last_academic_year >= :year', {
        year: query.academicYear,
      });
    }
    if (query.order === 'lastAcademicYear') {
      applyKeyset(builder, { columns: ['a.last_academic_year', 'a.id'], direction: 'DESC' }, query);
      const rows = await builder.getMany();
      return toPage(rows, query.limit, (row) => [row.lastAcademicYear, row.id], toAgreementResponse);
    }
    applyKeyset(builder, { columns: ['a.created_at', 'a.id'], direction: 'DESC' }, query);
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], toAgreementResponse);
  }

  async get(id: string): Promise<AgreementResponse> {
    return toAgreementResponse(await this.load(id));
  }

  private async load(id: string, manager: EntityManager = this.dataSource.manager): Promise<Agreement> {
    const agreement = await manager.findOne(Agreement, {
      where: { id },
      relations: { partnerInstitution: true },
    });
    if (!agreement) throw new NotFoundError('Agreement');
    return agreement;
  }

  async create(dto: CreateAgreementDto): Promise<AgreementResponse> {
    return this.dataSource.transaction(async (manager) => {
      const fields: AgreementFields = {
        partnerInstitutionId: dto.partnerInstitutionId,
        facultyId: dto.facultyId ?? null,
        kind: dto.kind,
        subjectAreas: dto.subjectAreas ?? [],
        languageCode: dto.languageRequirement?.language ?? null,
        languageCefrLevel: dto.languageRequirement?.cefrLevel ?? null,
        outgoingPlacesPerYear: dto.outgoingPlacesPerYear,
        incomingPlacesPerYear: dto.incomingPlacesPerYear,
        monthsPerMobility: dto.monthsPerMobility,
        firstAcademicYear: dto.firstAcademicYear,
        lastAcademicYear: dto.lastAcademicYear,
        status: dto.status ?? 'draft',
      };
      await this.assertValid(fields, manager);
      const saved = await manager.save(Agreement, manager.create(Agreement, fields));
      return toAgreementResponse(await this.load(saved.id, manager));
    });
  }

  /** Validates the agreement as it would be after the change, under a lock on its row. */
  async update(id: string, dto: UpdateAgreementDto): Promise<AgreementResponse> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Agreement, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw new NotFoundError('Agreement');
      const changes: Partial<AgreementFields> = {};
      for (const field of SIMPLE_FIELDS) {
        if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
      }
      if (dto.languageRequirement !== undefined) {
        changes.languageCode = dto.languageRequirement?.language ?? null;
        changes.languageCefrLevel = dto.languageRequirement?.cefrLevel ?? null;
      }
      if (Object.keys(changes).length > 0) {
        const merged: AgreementFields = Object.assign({}, current, changes);
        await this.assertValid(merged, manager, changes);
        await manager.update(Agreement, { id }, changes);
      }
      return toAgreementResponse(await this.load(id, manager));
    });
  }

  /** The references exist and the years are in order; `changed` limits the lookups to what changed. */
  private async assertValid(
    agreement: AgreementFields,
    manager: EntityManager,
    changed: Partial<AgreementFields> = agreement,
  ): Promise<void> {
    if (agreement.firstAcademicYear > agreement.lastAcademicYear) {
      throw new InvalidInputError('firstAcademicYear must not come after lastAcademicYear', [
        'firstAcademicYear',
        'lastAcademicYear',
      ]);
    }
    if (changed.partnerInstitutionId !== undefined) {
      const partner = await manager.findOneBy(Institution, { id: agreement.partnerInstitutionId });
      if (!partner) {
        throw new InvalidInputError(
          'partnerInstitutionId names no institution',
          ['partnerInstitutionId'],
          ErrorCode.REFERENCED_RECORD_MISSING,
        );
      }
      if (partner.isHome) {
        throw new InvalidInputError('partnerInstitutionId must be a partner, not the home institution', [
          'partnerInstitutionId',
        ]);
      }
    }
    if (changed.facultyId !== undefined && agreement.facultyId !== null) {
      const faculty = await manager
        .createQueryBuilder(Faculty, 'f')
        .innerJoinAndSelect('f.institution', 'i')
        .where('f.id = :id', { id: agreement.facultyId })
        .getOne();
      if (!faculty) {
        throw new InvalidInputError(
          'facultyId names no faculty',
          ['facultyId'],
          ErrorCode.REFERENCED_RECORD_MISSING,
        );
      }
      if (!faculty.institution?.isHome) {
        throw new InvalidInputError('facultyId must be a faculty of the home institution', ['facultyId']);
      }
    }
  }
}

const SIMPLE_FIELDS = [
  'partnerInstitutionId',
  'facultyId',
  'kind',
  'subjectAreas',
  'outgoingPlacesPerYear',
  'incomingPlacesPerYear',
  'monthsPerMobility',
  'firstAcademicYear',
  'lastAcademicYear',
  'status',
] as const satisfies ReadonlyArray<keyof UpdateAgreementDto & keyof Agreement>;
