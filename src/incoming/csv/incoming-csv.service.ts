import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { IncomingFiltersDto } from '../dto/incoming-filters.dto.js';
import { CLIENT_CLOSED_REQUEST, IncomingErrorCode } from '../incoming-error-codes.js';
import { applyIncomingFilters } from '../incoming-filters.js';
import { IncomingMobility } from '../incoming-mobility.entity.js';
import type { IncomingStatus } from '../incoming-state.js';
import { referenceRuleProblems, type FieldProblem, type ReferenceFields } from '../incoming-references.js';
import { insertEvents } from '../incoming.service.js';
import type { ImportDuplicate, ImportResultResponse } from './dto/import-result.response.js';
import type { ImportRowDto } from './dto/import-row.dto.js';
import { ImportGate } from './import-gate.js';
import { checkImportRow } from './import-row.js';
import {
  CSV_COLUMNS,
  CsvImportRejected,
  CsvTooManyRows,
  decodeCsvFile,
  MAX_IMPORT_ROWS,
  readIncomingCsv,
  toCsvText,
  type CsvColumn,
  type CsvRecord,
  type ImportProblem,
  type ParsedRow,
} from './incoming-csv.js';

/** Rows read from the database per query while exporting: memory holds one page at a time. */
export const EXPORT_PAGE_SIZE = 1000;
/** Lines the reader hands over at a time. */
const READ_BATCH_ROWS = 10;
/** Lines whose references are looked up together (one query per kind of reference). */
const LOOKUP_BATCH_ROWS = 250;
/** Rows per INSERT while importing; other requests get a turn between two. */
const INSERT_BATCH_ROWS = 50;
/** The longest stretch of import work (ms of wall time) before other requests get a turn. */
const SLICE_MS = 5;
/** At most this many problems are listed in a rejection; `problemCount` tells the total. */
const MAX_LISTED_PROBLEMS = 500;

/** The CSV columns that name a mobility's references, for the reference rule's messages. */
const CSV_REFERENCE_FIELDS: ReferenceFields = {
  homeInstitution: 'homeInstitutionSchacCode',
  hostFaculty: 'hostFacultyCode',
  agreement: 'agreementId',
};

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

/** A line's problems in the shared `{ field, problems }` shape, with the line. */
interface LineFieldProblems {
  line: number;
  /** null when the problem concerns the whole line (or file). */
  field: string | null;
  problems: string[];
}

/**
 * The problems of an import, in file order, one entry per line and field with all its messages:
 * the first MAX_LISTED_PROBLEMS entries are kept, the rest only counted (memory stays bounded).
 */
class ImportProblems {
  private readonly listed: LineFieldProblems[] = [];
  private readonly firstLines: number[] = [];
  private lineCount = 0;
  private last: { line: number; field: string | null; entry?: LineFieldProblems } | undefined;
  count = 0;

  /** Adds problems, all on lines after those added before. */
  add(problems: ImportProblem[]): void {
    const column = (field: string | null) => (field === null ? -1 : CSV_COLUMNS.indexOf(field as CsvColumn));
    const sorted = [...problems].sort((a, b) => a.line - b.line || column(a.field) - column(b.field));
    for (const { line, field, message } of sorted) {
      if (this.last?.line === line && this.last.field === field) {
        this.last.entry?.problems.push(message);
        continue;
      }
      if (this.last?.line !== line) {
        this.lineCount++;
        if (this.firstLines.length < 20) this.firstLines.push(line);
      }
      this.count++;
      const entry =
        this.listed.length < MAX_LISTED_PROBLEMS ? { line, field, problems: [message] } : undefined;
      if (entry) this.listed.push(entry);
      this.last = { line, field, entry };
    }
  }

  /** The 400: nothing was imported, each listed problem by line and field. */
  rejection(): DomainException {
    const more = this.lineCount > this.firstLines.length ? ', ...' : '';
    return new DomainException(
      IncomingErrorCode.IMPORT_INVALID,
      `Nothing was imported: ${this.count} problem(s) on line(s) ${this.firstLines.join(', ')}${more}`,
      HttpStatus.BAD_REQUEST,
      { problemCount: this.count, fields: this.listed },
    );
  }
}

/** What the database says about the codes and ids an import names, each looked up once. */
class ImportReferences {
  private readonly institutions = new Map<string, { id: string; isHome: boolean } | null>();
  private readonly faculties = new Map<string, { id: string; atHome: boolean } | null>();
  private readonly agreements = new Map<string, string | null>();

  constructor(private readonly manager: EntityManager) {}

  /** Looks up the codes and ids of `rows` not seen before: three queries at most. */
  async load(rows: ImportRowDto[]): Promise<void> {
    const unseen = <T>(values: string[], known: Map<string, T>) =>
      [...new Set(values)].filter((value) => !known.has(value));
    const schacCodes = unseen(
      rows.map((row) => row.homeInstitutionSchacCode),
      this.institutions,
    );
    const facultyCodes = unseen(
      rows.map((row) => row.hostFacultyCode),
      this.faculties,
    );
    const agreementIds = unseen(
      rows.flatMap((row) => (row.agreementId ? [row.agreementId] : [])),
      this.agreements,
    );
    if (schacCodes.length > 0) {
      const found = (await this.manager.query(
        `SELECT id, schac_code, is_home FROM institutions WHERE schac_code = ANY($1::text[])`,
        [schacCodes],
      )) as Array<{ id: string; schac_code: string; is_home: boolean }>;
      for (const code of schacCodes) this.institutions.set(code, null);
      for (const row of found) this.institutions.set(row.schac_code, { id: row.id, isHome: row.is_home });
    }
    if (facultyCodes.length > 0) {
      // A code may exist at several institutions: the home university's faculty wins.
      const found = (await this.manager.query(
        `SELECT DISTINCT ON (f.code) f.code, f.id, i.is_home
           FROM faculties f JOIN institutions i ON i.id = f.institution_id
          WHERE f.code = ANY($1::text[])
          ORDER BY f.code, i.is_home DESC`,
        [facultyCodes],
      )) as Array<{ id: string; code: string; is_home: boolean }>;
      for (const code of facultyCodes) this.faculties.set(code, null);
      for (const row of found) this.faculties.set(row.code, { id: row.id, atHome: row.is_home });
    }
    if (agreementIds.length > 0) {
      const found = (await this.manager.query(
        `SELECT id, partner_institution_id FROM agreements WHERE id = ANY($1::uuid[])`,
        [agreementIds],
      )) as Array<{ id: string; partner_institution_id: string }>;
      for (const id of agreementIds) this.agreements.set(id, null);
      for (const row of found) this.agreements.set(row.id, row.partner_institution_id);
    }
  }

  /** The ids a loaded row names, and the problems of the reference rule (a nomination's). */
  resolve(row: ImportRowDto) {
    const partner = this.institutions.get(row.homeInstitutionSchacCode) ?? null;
    const faculty = this.faculties.get(row.hostFacultyCode) ?? null;
    const agreementId = row.agreementId ?? null;
    const problems = referenceRuleProblems(
      { homeInstitutionId: partner?.id ?? null, agreementId },
      {
        partnerIsHome: partner?.isHome ?? null,
        facultyAtHome: faculty?.atHome ?? null,
        agreementPartnerId: agreementId === null ? null : (this.agreements.get(agreementId) ?? null),
      },
      CSV_REFERENCE_FIELDS,
    );
    return { homeInstitutionId: partner?.id, hostFacultyId: faculty?.id, agreementId, problems };
  }
}

const REFERENCE_COLUMNS = new Set<string>(Object.values(CSV_REFERENCE_FIELDS));

interface CheckedLine {
  line: number;
  row: ImportRowDto;
  rowProblems: FieldProblem[];
  /** The columns naming references are well-formed, so they can be looked up. */
  checkable: boolean;
}

function checkLine(line: number, values: ParsedRow['values']): CheckedLine {
  const { row, problems } = checkImportRow(values);
  const checkable = problems.every((problem) => !REFERENCE_COLUMNS.has(problem.field));
  return { line, row, rowProblems: problems, checkable };
}

/**
 * Shares the event loop: work goes on in slices of about SLICE_MS, other requests (a health
 * check, a page) run between two, and once the client has gone away the next turn throws.
 */
class Turns {
  private sliceStart = performance.now();

  constructor(private readonly signal: AbortSignal) {}

  /** Gives other requests a turn if this slice has lasted long enough. */
  async takeTurnIfDue(): Promise<void> {
    if (performance.now() - this.sliceStart >= SLICE_MS) await this.takeTurn();
  }

  /** Gives other requests a turn, then goes on unless the client went away. */
  async takeTurn(): Promise<void> {
    await nextTurn();
    this.sliceStart = performance.now();
    this.signal.throwIfAborted();
  }
}

@Injectable()
export class IncomingCsvService {
  private readonly logger = new Logger(IncomingCsvService.name);
  private readonly gate = new ImportGate();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The filtered mobilities as a CSV stream, oldest first. Rows are read in keyset pages of
   * EXPORT_PAGE_SIZE, each written as one chunk, only as fast as the client takes them
   * (back-pressure): memory holds a page or two whatever the count. The first page is read before
   * answering, so a database failure is still a proper error response; a failure later cuts the
   * download short.
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
   *
   * One import runs at a time on this instance (429 otherwise). The file is read and checked
   * CHECK_BATCH_ROWS lines at a time and stored INSERT_BATCH_ROWS rows at a time in one
   * transaction, other requests getting a turn between two batches; more than MAX_IMPORT_ROWS
   * rows is a 413 as soon as the first one too many is read. When `signal` aborts (the client
   * went away), the work stops at the next batch and the transaction is rolled back.
   */
  async importCsv(file: Buffer, actor: AuthUser, signal: AbortSignal): Promise<ImportResultResponse> {
    const release = this.gate.enter();
    try {
      const rows = await this.checkFile(file, signal);
      return await this.dataSource.transaction((manager) => this.insertRows(manager, rows, actor, signal));
    } catch (error) {
      if (signal.aborted) {
        this.logger.log('Incoming import stopped: the client went away; nothing was stored');
        throw new DomainException(
          IncomingErrorCode.IMPORT_CANCELLED,
          'The client went away: the import stopped and nothing was stored',
          CLIENT_CLOSED_REQUEST,
        );
      }
      throw error;
    } finally {
      release();
    }
  }

  /** Reads and checks every line; throws the rejection if any is bad, else returns them all. */
  private async checkFile(file: Buffer, signal: AbortSignal): Promise<ValidRow[]> {
    const problems = new ImportProblems();
    const references = new ImportReferences(this.dataSource.manager);
    const turns = new Turns(signal);
    const valid: ValidRow[] = [];
    let pending: CheckedLine[] = [];
    let pendingProblems: ImportProblem[] = [];
    /** Looks up the pending lines' references, then files their problems or keeps them. */
    const settle = async () => {
      await references.load(pending.filter((item) => item.checkable).map((item) => item.row));
      for (const { line, row, rowProblems, checkable } of pending) {
        const resolved = checkable ? references.resolve(row) : undefined;
        const all = [...rowProblems, ...(resolved?.problems ?? [])];
        pendingProblems.push(...all.map(({ field, message }) => ({ line, field, message })));
        const { homeInstitutionId, hostFacultyId, agreementId } = resolved ?? {};
        // Once a line is bad nothing will be stored: good lines are no longer kept.
        if (all.length === 0 && homeInstitutionId && hostFacultyId && problems.count === 0) {
          valid.push({ line, values: this.toValues(row, { homeInstitutionId, hostFacultyId, agreementId }) });
        }
      }
      problems.add(pendingProblems);
      if (problems.count > 0) valid.length = 0;
      pending = [];
      pendingProblems = [];
    };
    try {
      const text = await decodeCsvFile(file, () => turns.takeTurnIfDue());
      for (const batch of readIncomingCsv(text, READ_BATCH_ROWS)) {
        pendingProblems.push(...batch.problems);
        for (const { line, values } of batch.rows) pending.push(checkLine(line, values));
        if (pending.length >= LOOKUP_BATCH_ROWS) await settle();
        await turns.takeTurnIfDue();
      }
      await settle();
    } catch (error) {
      if (error instanceof CsvImportRejected) {
        // The lines read so far, without their references, then the file's own problem.
        problems.add([
          ...pendingProblems,
          ...pending.flatMap(({ line, rowProblems }) =>
            rowProblems.map(({ field, message }) => ({ line, field, message })),
          ),
        ]);
        problems.add(error.problems);
        throw problems.rejection();
      }
      if (error instanceof CsvTooManyRows) {
        throw new DomainException(
          IncomingErrorCode.IMPORT_TOO_MANY_ROWS,
          error.message,
          HttpStatus.PAYLOAD_TOO_LARGE,
          { maxRows: MAX_IMPORT_ROWS, line: error.line },
        );
      }
      throw error;
    }
    if (problems.count > 0) throw problems.rejection();
    return valid;
  }

  private toValues(
    row: ImportRowDto,
    ids: { homeInstitutionId: string; hostFacultyId: string; agreementId?: string | null },
  ): ValidRow['values'] {
    return {
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      homeInstitutionId: ids.homeInstitutionId,
      hostFacultyId: ids.hostFacultyId,
      agreementId: ids.agreementId ?? null,
      academicYear: row.academicYear,
      term: row.term,
      status: row.status ?? 'nominated',
      plannedArrival: row.plannedArrival,
      plannedDeparture: row.plannedDeparture,
      actualArrival: row.actualArrival ?? null,
      actualDeparture: row.actualDeparture ?? null,
      notes: row.notes ?? '',
    };
  }

  private async insertRows(
    manager: EntityManager,
    rows: ValidRow[],
    actor: AuthUser,
    signal: AbortSignal,
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

    const turns = new Turns(signal);
    let created = 0;
    for (let start = 0; start < fresh.length; start += INSERT_BATCH_ROWS) {
      await turns.takeTurn();
      const batch = fresh.slice(start, start + INSERT_BATCH_ROWS);
      const insertedRows = await this.insertBatch(manager, batch);
      const insertedKeys = new Set(insertedRows.map((row) => keyOf(row.email, row.academic_year, row.term)));
      for (const row of batch) {
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
    // The last check before committing: a client that left gets nothing stored.
    signal.throwIfAborted();
    duplicates.sort((a, b) => a.line - b.line);
    return { created, duplicates };
  }

  /**
   * Inserts rows in one statement of one array per column (TypeORM's insert builder spent tens of
   * milliseconds of CPU per hundred rows, blocking other requests). A concurrent import or
   * nomination may have taken a key since it was read: the unique index skips that row, and the
   * caller reports it as a duplicate.
   */
  private async insertBatch(manager: EntityManager, rows: ValidRow[]) {
    const column = <K extends keyof ValidRow['values']>(key: K) => rows.map((row) => row.values[key]);
    return (await manager.query(
      `INSERT INTO incoming_mobilities (first_name, last_name, email, home_institution_id, host_faculty_id,
         agreement_id, academic_year, term, status, planned_arrival, planned_departure, actual_arrival,
         actual_departure, notes)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[],
         $7::text[], $8::text[], $9::text[], $10::date[], $11::date[], $12::date[], $13::date[], $14::text[])
       ON CONFLICT DO NOTHING
       RETURNING id, email, academic_year, term, status`,
      [
        column('firstName'),
        column('lastName'),
        column('email'),
        column('homeInstitutionId'),
        column('hostFacultyId'),
        column('agreementId'),
        column('academicYear'),
        column('term'),
        column('status'),
        column('plannedArrival'),
        column('plannedDeparture'),
        column('actualArrival'),
        column('actualDeparture'),
        column('notes'),
      ],
    )) as Array<{ id: string; email: string; academic_year: string; term: string; status: IncomingStatus }>;
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
