import { Readable } from 'node:stream';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainException } from '../common/errors/domain.exception.js';
import { flattenValidationErrors } from '../common/errors/validation.js';
import type { IncomingFiltersDto } from './dto/incoming-filters.dto.js';
import { ImportRowDto } from './dto/import-row.dto.js';
import type { ImportDuplicate, ImportResultResponse } from './dto/import-result.response.js';
import {
  CSV_COLUMNS,
  CsvImportRejected,
  parseIncomingCsv,
  toCsvText,
  type CsvColumn,
  type CsvRecord,
  type ImportProblem,
  type ParsedRow,
} from './incoming-csv.js';
import { IncomingErrorCode } from './incoming-error-codes.js';
import { applyIncomingFilters } from './incoming-filters.js';
import { IncomingMobility } from './incoming-mobility.entity.js';
import { actualDateProblems } from './incoming-state.js';
import { insertEvents } from './incoming.service.js';

/** Rows read from the database per query while exporting: memory holds one page at a time. */
export const EXPORT_PAGE_SIZE = 1000;
/** Rows per INSERT while importing (PostgreSQL allows 65,535 parameters per statement). */
const INSERT_CHUNK = 1000;
/** At most this many problems are listed in a rejection; `problemCount` tells the total. */
const MAX_LISTED_PROBLEMS = 500;

interface ExportRow {
  created_at: Date;
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  schac_code: string;
  faculty_code: string;
  agreement_id: string | null;
  academic_year: string;
  term: string;
  status: string;
  planned_arrival: string;
  planned_departure: string;
  actual_arrival: string | null;
  actual_departure: string | null;
  notes: string;
}

function toCsvRecord(row: ExportRow): CsvRecord {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    homeInstitutionSchacCode: row.schac_code,
    hostFacultyCode: row.faculty_code,
    agreementId: row.agreement_id,
    academicYear: row.academic_year,
    term: row.term,
    status: row.status,
    plannedArrival: row.planned_arrival,
    plannedDeparture: row.planned_departure,
    actualArrival: row.actual_arrival,
    actualDeparture: row.actual_departure,
    notes: row.notes,
  };
}

/** A row that passed every check, ready to insert. */
interface ValidRow {
  line: number;
  values: Omit<
    IncomingMobility,
    'id' | 'createdAt' | 'updatedAt' | 'homeInstitution' | 'hostFaculty' | 'agreement'
  >;
}

const keyOf = (email: string, academicYear: string, term: string) =>
  `${email}\u0000${academicYear}\u0000${term}`;

@Injectable()
export class IncomingCsvService {
  private readonly logger = new Logger(IncomingCsvService.name);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The filtered mobilities as a CSV stream, oldest first. Rows are read in keyset pages of
   * EXPORT_PAGE_SIZE, each written as one chunk, only as fast as the client takes them
   * (back-pressure): memory holds a page or two whatever the count. The first page is read before answering, so a database failure is still
   * a proper error response; a failure later cuts the download short.
   */
  async exportCsv(filters: IncomingFiltersDto): Promise<Readable> {
    const first = await this.exportPage(filters, undefined);
    const stream = Readable.from(this.exportChunks(filters, first), { objectMode: false });
    stream.on('error', (error) =>
      this.logger.error({ err: error }, `Incoming export failed: ${error.message}`),
    );
    return stream;
  }

  /** One chunk of CSV text per page of rows (the header row comes with the first). */
  private async *exportChunks(filters: IncomingFiltersDto, first: ExportRow[]): AsyncGenerator<Buffer> {
    let page = first;
    let withHeader = true;
    for (;;) {
      yield Buffer.from(toCsvText(page.map(toCsvRecord), withHeader), 'utf8');
      withHeader = false;
      if (page.length < EXPORT_PAGE_SIZE) return;
      const last = page[page.length - 1];
      page = await this.exportPage(filters, { createdAt: last.created_at, id: last.id });
    }
  }

  private exportPage(filters: IncomingFiltersDto, after: { createdAt: Date; id: string } | undefined) {
    const query = this.dataSource
      .getRepository(IncomingMobility)
      .createQueryBuilder('m')
      .innerJoin('m.homeInstitution', 'home')
      .innerJoin('m.hostFaculty', 'faculty')
      .select([
        'm.created_at AS created_at',
        'm.id AS id',
        'm.first_name AS first_name',
        'm.last_name AS last_name',
        'm.email AS email',
        'home.schac_code AS schac_code',
        'faculty.code AS faculty_code',
        'm.agreement_id AS agreement_id',
        'm.academic_year AS academic_year',
        'm.term AS term',
        'm.status AS status',
        `to_char(m.planned_arrival, 'YYYY-MM-DD') AS planned_arrival`,
        `to_char(m.planned_departure, 'YYYY-MM-DD') AS planned_departure`,
        `to_char(m.actual_arrival, 'YYYY-MM-DD') AS actual_arrival`,
        `to_char(m.actual_departure, 'YYYY-MM-DD') AS actual_departure`,
        'm.notes AS notes',
      ]);
    applyIncomingFilters(query, 'm', filters);
    if (after) {
      query.andWhere('(m.created_at, m.id) > (:afterCreatedAt, :afterId)', {
        afterCreatedAt: after.createdAt,
        afterId: after.id,
      });
    }
    return query
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(EXPORT_PAGE_SIZE)
      .getRawMany<ExportRow>();
  }

  /**
   * Imports a file in the export's format, all or nothing: any invalid line rejects the whole
   * file (400 listing each line and column); lines equal to an existing mobility (same email,
   * academic year and term) or to an earlier line are reported, not created.
   */
  async importCsv(file: Buffer, actor: AuthUser): Promise<ImportResultResponse> {
    let parsed: ParsedRow[];
    try {
      parsed = parseIncomingCsv(file);
    } catch (error) {
      if (error instanceof CsvImportRejected) throw this.rejection(error.problems);
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const { valid, problems } = await this.validateRows(manager, parsed);
      if (problems.length > 0) throw this.rejection(problems);
      return this.insertRows(manager, valid, actor);
    });
  }

  /** The 400 listing the problems by line, and within a line in the file's column order. */
  private rejection(problems: ImportProblem[]): DomainException {
    const column = (field: string | null) => (field === null ? -1 : CSV_COLUMNS.indexOf(field as CsvColumn));
    const sorted = [...problems].sort((a, b) => a.line - b.line || column(a.field) - column(b.field));
    const lines = [...new Set(sorted.map((problem) => problem.line))];
    return new DomainException(
      IncomingErrorCode.IMPORT_INVALID,
      `Nothing was imported: ${problems.length} problem(s) on line(s) ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', ...' : ''}`,
      HttpStatus.BAD_REQUEST,
      { problemCount: problems.length, problems: sorted.slice(0, MAX_LISTED_PROBLEMS) },
    );
  }

  private async validateRows(
    manager: EntityManager,
    rows: ParsedRow[],
  ): Promise<{ valid: ValidRow[]; problems: ImportProblem[] }> {
    const problems: ImportProblem[] = [];
    const checked: Array<{ line: number; row: ImportRowDto }> = [];
    for (const { line, values } of rows) {
      const plain = Object.fromEntries(
        Object.entries(values).map(([column, value]) => {
          const text = column === 'notes' ? value : value?.trim();
          return [column, text === '' ? undefined : text];
        }),
      );
      const row = plainToInstance(ImportRowDto, plain);
      const errors = validateSync(row, { whitelist: true, forbidUnknownValues: true });
      const rowProblems: ImportProblem[] = flattenValidationErrors(errors).map(
        ({ field, problems: messages }) => ({
          line,
          field,
          message: messages.join('; '),
        }),
      );
      const invalidFields = new Set(rowProblems.map((problem) => problem.field));
      if (!invalidFields.has('plannedArrival') && !invalidFields.has('plannedDeparture')) {
        if (row.plannedDeparture <= row.plannedArrival) {
          rowProblems.push({
            line,
            field: 'plannedDeparture',
            message: 'plannedDeparture must be after plannedArrival',
          });
        }
      }
      if (!['status', 'actualArrival', 'actualDeparture'].some((field) => invalidFields.has(field))) {
        const dateProblems = actualDateProblems({
          status: row.status ?? 'nominated',
          actualArrival: row.actualArrival ?? null,
          actualDeparture: row.actualDeparture ?? null,
        });
        rowProblems.push(...dateProblems.map((problem) => ({ line, ...problem })));
      }
      problems.push(...rowProblems);
      if (rowProblems.length === 0) checked.push({ line, row });
    }

    const references = await this.resolveReferences(
      manager,
      checked.map(({ row }) => row),
    );
    const valid: ValidRow[] = [];
    for (const { line, row } of checked) {
      const partner = references.institutions.get(row.homeInstitutionSchacCode);
      const facultyId = references.faculties.get(row.hostFacultyCode);
      const agreementPartner = row.agreementId ? references.agreements.get(row.agreementId) : undefined;
      const rowProblems: ImportProblem[] = [];
      if (!partner) {
        rowProblems.push({
          line,
          field: 'homeInstitutionSchacCode',
          message: `No institution has the SCHAC code ${row.homeInstitutionSchacCode}`,
        });
      } else if (partner.isHome) {
        rowProblems.push({
          line,
          field: 'homeInstitutionSchacCode',
          message: `${row.homeInstitutionSchacCode} is the university hosting the student, not a partner`,
        });
      }
      if (!facultyId) {
        rowProblems.push({
          line,
          field: 'hostFacultyCode',
          message: `The university hosting the student has no faculty with the code ${row.hostFacultyCode}`,
        });
      }
      if (row.agreementId && agreementPartner === undefined) {
        rowProblems.push({
          line,
          field: 'agreementId',
          message: `No agreement has the id ${row.agreementId}`,
        });
      } else if (row.agreementId && partner && agreementPartner !== partner.id) {
        rowProblems.push({
          line,
          field: 'agreementId',
          message: `Agreement ${row.agreementId} is not with ${row.homeInstitutionSchacCode}`,
        });
      }
      if (rowProblems.length > 0 || !partner || !facultyId) {
        problems.push(...rowProblems);
        continue;
      }
      valid.push({
        line,
        values: {
          firstName: row.firstName,
          lastName: row.lastName,
          email: row.email,
          homeInstitutionId: partner.id,
          hostFacultyId: facultyId,
          agreementId: row.agreementId ?? null,
          academicYear: row.academicYear,
          term: row.term,
          status: row.status ?? 'nominated',
          plannedArrival: row.plannedArrival,
          plannedDeparture: row.plannedDeparture,
          actualArrival: row.actualArrival ?? null,
          actualDeparture: row.actualDeparture ?? null,
          notes: row.notes ?? '',
        },
      });
    }
    return { valid, problems };
  }

  /** One query per kind of reference, whatever the number of lines. */
  private async resolveReferences(manager: EntityManager, rows: ImportRowDto[]) {
    const schacCodes = [...new Set(rows.map((row) => row.homeInstitutionSchacCode))];
    const agreementIds = [...new Set(rows.flatMap((row) => (row.agreementId ? [row.agreementId] : [])))];
    const institutionRows = (await manager.query(
      `SELECT id, schac_code, is_home FROM institutions WHERE schac_code = ANY($1::text[])`,
      [schacCodes],
    )) as Array<{ id: string; schac_code: string; is_home: boolean }>;
    const facultyRows = (await manager.query(
      `SELECT f.id, f.code FROM faculties f JOIN institutions i ON i.id = f.institution_id WHERE i.is_home`,
    )) as Array<{ id: string; code: string }>;
    const agreementRows = (await manager.query(
      `SELECT id, partner_institution_id FROM agreements WHERE id = ANY($1::uuid[])`,
      [agreementIds],
    )) as Array<{ id: string; partner_institution_id: string }>;
    return {
      institutions: new Map(
        institutionRows.map((row) => [row.schac_code, { id: row.id, isHome: row.is_home }]),
      ),
      faculties: new Map(facultyRows.map((row) => [row.code, row.id])),
      agreements: new Map(agreementRows.map((row) => [row.id, row.partner_institution_id])),
    };
  }

  private async insertRows(
    manager: EntityManager,
    rows: ValidRow[],
    actor: AuthUser,
  ): Promise<ImportResultResponse> {
    const duplicates: ImportDuplicate[] = [];
    const existing = await this.existingKeys(manager, rows);
    const firstLineOf = new Map<string, number>();
    const fresh: ValidRow[] = [];
    for (const row of rows) {
      const { email, academicYear, term } = row.values;
      const key = keyOf(email, academicYear, term);
      const existingId = existing.get(key);
      const earlierLine = firstLineOf.get(key);
      if (existingId !== undefined || earlierLine !== undefined) {
        duplicates.push({
          line: row.line,
          email,
          academicYear,
          term,
          existingId: existingId ?? null,
          sameAsLine: existingId === undefined ? (earlierLine ?? null) : null,
        });
        continue;
      }
      firstLineOf.set(key, row.line);
      fresh.push(row);
    }

    let created = 0;
    for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
      const chunk = fresh.slice(start, start + INSERT_CHUNK);
      // A concurrent import or nomination may have taken a key since it was read: the unique
      // index skips that row, and it is reported as a duplicate.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(IncomingMobility)
        .values(chunk.map((row) => row.values))
        .orIgnore()
        .returning('id, email, academic_year, term, status')
        .execute();
      const insertedRows = inserted.raw as Array<{
        id: string;
        email: string;
        academic_year: string;
        term: string;
        status: IncomingMobility['status'];
      }>;
      const insertedKeys = new Set(insertedRows.map((row) => keyOf(row.email, row.academic_year, row.term)));
      for (const row of chunk) {
        const { email, academicYear, term } = row.values;
        if (!insertedKeys.has(keyOf(email, academicYear, term))) {
          duplicates.push({ line: row.line, email, academicYear, term, existingId: null, sameAsLine: null });
        }
      }
      await insertEvents(
        manager,
        insertedRows.map((row) => ({
          mobilityId: row.id,
          actorId: actor.id,
          fromStatus: null,
          toStatus: row.status,
          comment: 'Imported from a CSV file',
        })),
      );
      created += insertedRows.length;
    }
    duplicates.sort((a, b) => a.line - b.line);
    return { created, duplicates };
  }

  /** Mobilities (any status) that already have one of the rows' email, academic year and term. */
  private async existingKeys(manager: EntityManager, rows: ValidRow[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const found = (await manager.query(
      `SELECT DISTINCT ON (m.email, m.academic_year, m.term) m.id, m.email, m.academic_year, m.term
         FROM incoming_mobilities m
         JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(email, academic_year, term)
           ON m.email = k.email AND m.academic_year = k.academic_year AND m.term = k.term
        ORDER BY m.email, m.academic_year, m.term, (m.status = 'cancelled'), m.created_at DESC`,
      [
        rows.map((row) => row.values.email),
        rows.map((row) => row.values.academicYear),
        rows.map((row) => row.values.term),
      ],
    )) as Array<{ id: string; email: string; academic_year: string; term: string }>;
    return new Map(found.map((row) => [keyOf(row.email, row.academic_year, row.term), row.id]));
  }
}
