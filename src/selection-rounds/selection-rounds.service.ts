import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { defaultConfirmationDeadline, type ApplicationStatus } from '../applications/application-state.js';
import type { LanguageSkillRecord } from '../applications/language-skills.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { CefrLevel, Term } from '../common/domain.js';
import { DomainException, InvalidInputError, NotFoundError } from '../common/errors/domain.exception.js';
import {
  applyKeyset,
  decodeCursor,
  toPage,
  type Page,
  type PageQueryDto,
} from '../common/pagination/pagination.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ProgrammePlaces } from '../programmes/programme-places.js';
import {
  allocate,
  type AllocationApplicant,
  type AllocationProgramme,
  type ChoiceReason,
} from './allocation.js';
import type { CreateSelectionRoundDto } from './dto/create-selection-round.dto.js';
import type {
  ApplicationSelectionResponse,
  ChoiceReasonResponse,
  RoundApplicationResponse,
  SelectionRoundResponse,
  SelectionRoundSummaryResponse,
} from './dto/selection-round.response.js';
import { SelectionRoundErrorCode } from './selection-round-error-codes.js';
import { SelectionRoundResult } from './selection-round-result.entity.js';
import { assertTransition, ROUND_INPUT_STATUSES } from './selection-round-state.js';
import { SelectionRound, type RoundProgrammeRecord } from './selection-round.entity.js';

interface ProgrammeRow {
  id: string;
  title: string;
  places: number;
  places_taken: number;
  status: string;
  application_closes_at: Date;
  eligible_faculty_ids: string[];
  language_of_instruction: string | null;
  min_language_level: CefrLevel | null;
}

interface ApplicationRow {
  id: string;
  version: number;
  status: ApplicationStatus;
  student_id: string;
  grade_average: string | null;
  language_skills: LanguageSkillRecord[];
  placed_programme_id: string | null;
  home_faculty_id: string | null;
  motivation_rating: number | null;
  choices: string[];
}

/** Everything a round reads, as the allocation takes it, with the hash of it. */
interface RoundInput {
  programmes: ProgrammeRow[];
  applications: ApplicationRow[];
  allocationProgrammes: AllocationProgramme[];
  applicants: AllocationApplicant[];
  unrated: string[];
  fingerprint: string;
}

/** Choices kept by the reasons of a result (ChoiceReason as stored, flattened for the API). */
function toReasonResponse(reason: ChoiceReason): ChoiceReasonResponse {
  return {
    programmeId: reason.programmeId,
    rank: reason.rank,
    reason: reason.reason,
    cutoffScore: reason.reason === 'FULL' ? reason.cutoffScore : null,
    rule: reason.reason === 'NOT_ELIGIBLE' ? reason.rule : null,
  };
}

function toSummary(round: SelectionRound): SelectionRoundSummaryResponse {
  return {
    id: round.id,
    academicYear: round.academicYear,
    term: round.term,
    status: round.status,
    weights: {
      grade: round.weights.grade,
      language: round.weights.language,
      motivation: round.weights.motivation,
    },
    allowUpgrades: round.allowUpgrades,
    applicationCount: round.applicationCount,
    placedCount: round.placedCount,
    createdById: round.createdById,
    createdAt: round.createdAt,
    committedById: round.committedById,
    committedAt: round.committedAt,
  };
}

/**
 * Selection rounds: a preview computed by the pure allocation (`allocation.ts`) over the inputs
 * of one academic year and term, stored with the hash of those inputs; then a commit that applies
 * it in one transaction, after locking the applications and programmes and checking that the
 * inputs hash the same. Places go through ProgrammePlaces, with the rule of a single decision.
 */
@Injectable()
export class SelectionRoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly places: ProgrammePlaces,
    private readonly notifications: NotificationsService,
  ) {}

  /** Computes and stores a preview; changes nothing else. 409 SCORES_INCOMPLETE when a rating is missing. */
  async create(actor: AuthUser, dto: CreateSelectionRoundDto): Promise<SelectionRoundResponse> {
    const weights = {
      grade: dto.weights.grade,
      language: dto.weights.language,
      motivation: dto.weights.motivation,
    };
    if (weights.grade + weights.language + weights.motivation <= 0) {
      throw new InvalidInputError('weights: at least one weight must be above 0', ['weights']);
    }
    const allowUpgrades = dto.allowUpgrades ?? false;
    const id = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const input = await this.readInput(manager, dto.academicYear, dto.term, allowUpgrades, new Date());
      if (input.unrated.length > 0) {
        throw new DomainException(
          SelectionRoundErrorCode.SCORES_INCOMPLETE,
          `${input.unrated.length} application(s) of ${dto.academicYear} ${dto.term} have no motivation rating yet; rate them first`,
          HttpStatus.CONFLICT,
          { applicationIds: input.unrated },
        );
      }
      const seed = randomBytes(16).toString('hex');
      const result = allocate({
        seed,
        weights,
        programmes: input.allocationProgrammes,
        applicants: input.applicants,
      });
      const rows = new Map(input.programmes.map((row) => [row.id, row]));
      const programmes: RoundProgrammeRecord[] = result.programmes.map((summary) => {
        const row = rows.get(summary.programmeId)!;
        return {
          programmeId: summary.programmeId,
          title: row.title,
          places: row.places,
          placesTaken: row.places_taken,
          capacity: summary.capacity,
          taken: summary.taken,
          cutoffScore: summary.cutoffScore,
        };
      });
      const inserted = await manager.insert(SelectionRound, {
        academicYear: dto.academicYear,
        term: dto.term,
        weights,
        allowUpgrades,
        seed,
        status: 'preview',
        fingerprint: input.fingerprint,
        programmes,
        applicationCount: result.applications.length,
        placedCount: result.applications.filter((entry) => entry.programmeId !== null).length,
        createdById: actor.id,
      });
      const roundId = (inserted.identifiers[0] as { id: string }).id;
      const held = new Map(
        input.applicants.map((applicant) => [applicant.id, applicant.heldProgrammeId ?? null]),
      );
      const outcomes = result.applications;
      await manager.query(
        `INSERT INTO selection_round_results
           (round_id, application_id, rank, score, programme_id, choice_rank, held_programme_id, reasons)
         SELECT $1, v.application_id, v.rank, v.score, v.programme_id, v.choice_rank, v.held_programme_id, v.reasons::jsonb
           FROM unnest($2::uuid[], $3::int[], $4::numeric[], $5::uuid[], $6::smallint[], $7::uuid[], $8::text[])
             AS v(application_id, rank, score, programme_id, choice_rank, held_programme_id, reasons)`,
        [
          roundId,
          outcomes.map((entry) => entry.applicationId),
          outcomes.map((entry) => entry.rank),
          outcomes.map((entry) => entry.score),
          outcomes.map((entry) => entry.programmeId),
          outcomes.map((entry) => entry.choiceRank),
          outcomes.map((entry) => held.get(entry.applicationId) ?? null),
          outcomes.map((entry) => JSON.stringify(entry.reasons)),
        ],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'selection-round.previewed',
          targetType: 'selection-round',
          targetId: roundId,
          details: { academicYear: dto.academicYear, term: dto.term, weights, allowUpgrades },
        },
        manager,
      );
      return roundId;
    });
    return this.get(actor, id);
  }

  /** Rounds, newest first. */
  async list(_actor: AuthUser, query: PageQueryDto): Promise<Page<SelectionRoundSummaryResponse>> {
    const builder = this.dataSource.getRepository(SelectionRound).createQueryBuilder('r');
    applyKeyset(builder, { columns: ['r.created_at', 'r.id'], direction: 'DESC' }, query);
    const rows = await builder.getMany();
    return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], toSummary);
  }

  /** A round with its programmes: places, capacity, places given and cut-off score of each. */
  async get(_actor: AuthUser, id: string): Promise<SelectionRoundResponse> {
    const round = await this.dataSource.getRepository(SelectionRound).findOne({ where: { id } });
    if (!round) throw new NotFoundError('Selection round');
    return Object.assign(toSummary(round), { seed: round.seed, programmes: round.programmes });
  }

  /**
   * The round's applications in its order (score, rank, outcome and the reasons of each), a keyset
   * page at a time: a round of a whole faculty ranks thousands, and one answer with all of them
   * was what made a preview slow to read.
   */
  async results(_actor: AuthUser, id: string, query: PageQueryDto): Promise<Page<RoundApplicationResponse>> {
    const after = query.cursor ? decodeCursor(query.cursor, 1)[0] : 0;
    if (typeof after !== 'number' || !Number.isInteger(after)) {
      throw new InvalidInputError('cursor is not a cursor this list gave out', ['cursor']);
    }
    const [round] = (await this.dataSource.query(`SELECT 1 FROM selection_rounds WHERE id = $1`, [
      id,
    ])) as unknown[];
    if (!round) throw new NotFoundError('Selection round');
    const rows = (await this.dataSource.query(
      `SELECT r.application_id, r.rank, r.score, r.programme_id, r.choice_rank, r.held_programme_id, r.reasons,
              u.id AS student_id, u.first_name, u.last_name
         FROM selection_round_results r
         JOIN applications a ON a.id = r.application_id
         JOIN users u ON u.id = a.student_id
        WHERE r.round_id = $1 AND r.rank > $2
        ORDER BY r.rank
        LIMIT $3`,
      [id, after, query.limit + 1],
    )) as ResultRow[];
    return toPage(rows, query.limit, (row) => [row.rank], toResultResponse);
  }

  /**
   * Applies the preview in one transaction: placed applications become approved (taking their
   * place through ProgrammePlaces), the others waitlisted, each step's event naming the round.
   * 409 ROUND_STALE when any input changed since the preview, ROUND_ALREADY_COMMITTED after a commit.
   */
  async commit(actor: AuthUser, id: string): Promise<SelectionRoundResponse> {
    await this.dataSource.transaction(async (manager) => {
      const [round] = (await manager
        .getRepository(SelectionRound)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id })
        .getMany()) as SelectionRound[];
      if (!round) throw new NotFoundError('Selection round');
      assertTransition(round.status, 'committed');
      const statuses = this.inputStatuses(round.allowUpgrades);
      // Applications first, then programmes: the order a single decision locks them in.
      await manager.query(
        `SELECT id FROM applications WHERE academic_year = $1 AND term = $2 AND status = ANY($3) ORDER BY id FOR UPDATE`,
        [round.academicYear, round.term, statuses],
      );
      await manager.query(
        `SELECT id FROM programmes WHERE academic_year = $1 AND term = $2 ORDER BY id FOR UPDATE`,
        [round.academicYear, round.term],
      );
      const now = new Date();
      const input = await this.readInput(manager, round.academicYear, round.term, round.allowUpgrades, now);
      if (input.fingerprint !== round.fingerprint) {
        throw new DomainException(
          SelectionRoundErrorCode.ROUND_STALE,
          'An application, a rating or a programme’s places changed since this round was previewed; nothing was applied. Run a new round.',
        );
      }
      await this.apply(manager, actor, round, input, now);
    });
    return this.get(actor, id);
  }

  /**
   * What the last committed round gave an application, for its student or staff; null when no
   * committed round ranked it (a preview is never shown).
   */
  async forApplication(applicationId: string): Promise<ApplicationSelectionResponse | null> {
    const [row] = (await this.dataSource.query(
      `SELECT r.round_id, s.committed_at, s.application_count, r.score, r.rank, r.programme_id, r.choice_rank, r.reasons
         FROM selection_round_results r
         JOIN selection_rounds s ON s.id = r.round_id AND s.status = 'committed'
        WHERE r.application_id = $1
        ORDER BY s.committed_at DESC, s.id DESC
        LIMIT 1`,
      [applicationId],
    )) as Array<{
      round_id: string;
      committed_at: Date;
      application_count: number;
      score: string;
      rank: number;
      programme_id: string | null;
      choice_rank: number | null;
      reasons: ChoiceReason[];
    }>;
    if (!row) return null;
    const ids = row.reasons.map((reason) => reason.programmeId);
    const titles = new Map(
      ids.length === 0
        ? []
        : (
            (await this.dataSource.query(`SELECT id, title FROM programmes WHERE id = ANY($1::uuid[])`, [
              ids,
            ])) as Array<{
              id: string;
              title: string;
            }>
          ).map((programme) => [programme.id, programme.title]),
    );
    return {
      roundId: row.round_id,
      committedAt: row.committed_at,
      score: Number(row.score),
      rank: row.rank,
      applicationCount: row.application_count,
      outcome: row.programme_id ? 'placed' : 'waitlisted',
      programmeId: row.programme_id,
      choiceRank: row.choice_rank,
      reasons: row.reasons.map((reason) =>
        Object.assign(toReasonResponse(reason), { title: titles.get(reason.programmeId) ?? '' }),
      ),
    };
  }

  // --- helpers ------------------------------------------------------------------------------

  private inputStatuses(allowUpgrades: boolean): string[] {
    return allowUpgrades ? [...ROUND_INPUT_STATUSES, 'approved'] : [...ROUND_INPUT_STATUSES];
  }

  /**
   * The round's inputs as they are now: the published programmes of the year and term whose
   * window has closed (capacity: places left, plus places held by upgrading applications), the
   * applications submitted or waitlisted (and approved ones on those programmes, with upgrades),
   * and the SHA-256 of all of it.
   */
  private async readInput(
    manager: EntityManager,
    academicYear: string,
    term: Term,
    allowUpgrades: boolean,
    now: Date,
  ): Promise<RoundInput> {
    const programmes = (await manager.query(
      `SELECT id, title, places, places_taken, status, application_closes_at,
              eligible_faculty_ids::text[] AS eligible_faculty_ids, language_of_instruction, min_language_level
         FROM programmes
        WHERE academic_year = $1 AND term = $2 AND status = 'published' AND application_closes_at <= $3
        ORDER BY id`,
      [academicYear, term, now],
    )) as ProgrammeRow[];
    const inRound = new Set(programmes.map((programme) => programme.id));
    const all = (await manager.query(
      `SELECT a.id, a.version, a.status, a.student_id, a.grade_average, a.language_skills, a.placed_programme_id,
              u.home_faculty_id, r.motivation_rating,
              ARRAY(SELECT c.programme_id::text FROM application_choices c WHERE c.application_id = a.id ORDER BY c.rank) AS choices
         FROM applications a
         JOIN users u ON u.id = a.student_id
         LEFT JOIN application_assessments r ON r.application_id = a.id
        WHERE a.academic_year = $1 AND a.term = $2 AND a.status = ANY($3)
        ORDER BY a.id`,
      [academicYear, term, this.inputStatuses(allowUpgrades)],
    )) as ApplicationRow[];
    // An approved application takes part only to move up from a place this round allocates.
    const applications = all.filter(
      (row) =>
        row.status !== 'approved' ||
        (row.placed_programme_id !== null &&
          inRound.has(row.placed_programme_id) &&
          row.choices.includes(row.placed_programme_id)),
    );
    const held = new Map<string, number>();
    for (const row of applications) {
      if (row.status === 'approved')
        held.set(row.placed_programme_id!, (held.get(row.placed_programme_id!) ?? 0) + 1);
    }
    const allocationProgrammes = programmes.map((row) => ({
      id: row.id,
      capacity: Math.max(0, row.places - row.places_taken) + (held.get(row.id) ?? 0),
      eligibleFacultyIds: row.eligible_faculty_ids,
      languageOfInstruction: row.language_of_instruction?.trim().toLowerCase() ?? null,
      minLanguageLevel: row.min_language_level,
    }));
    const applicants = applications.map((row) => ({
      id: row.id,
      choices: row.choices,
      homeFacultyId: row.home_faculty_id,
      languageSkills: row.language_skills.map((skill) => ({
        language: skill.language,
        cefrLevel: skill.cefrLevel,
      })),
      gradeAverage: row.grade_average === null ? null : Number(row.grade_average),
      motivationRating: row.motivation_rating ?? 0,
      heldProgrammeId: row.status === 'approved' ? row.placed_programme_id : null,
    }));
    const hash = createHash('sha256');
    for (const row of programmes) {
      hash.update(
        JSON.stringify([
          row.id,
          row.places,
          row.places_taken,
          row.status,
          new Date(row.application_closes_at).toISOString(),
          [...row.eligible_faculty_ids].sort(),
          row.language_of_instruction,
          row.min_language_level,
        ]),
      );
    }
    hash.update('|');
    for (const row of all) {
      hash.update(
        JSON.stringify([
          row.id,
          row.version,
          row.status,
          row.placed_programme_id,
          row.motivation_rating,
          row.home_faculty_id,
          row.choices,
        ]),
      );
    }
    return {
      programmes,
      applications,
      allocationProgrammes,
      applicants,
      unrated: applications.filter((row) => row.motivation_rating === null).map((row) => row.id),
      fingerprint: hash.digest('hex'),
    };
  }

  /** Writes the stored result of a round whose inputs were just checked, on the commit's transaction. */
  private async apply(
    manager: EntityManager,
    actor: AuthUser,
    round: SelectionRound,
    input: RoundInput,
    now: Date,
  ): Promise<void> {
    const results = await manager.find(SelectionRoundResult, { where: { roundId: round.id } });
    const rows = new Map(input.applications.map((row) => [row.id, row]));
    const titles = new Map(input.programmes.map((row) => [row.id, row.title]));
    const take = new Map<string, number>();
    const free = new Map<string, number>();
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    const changes: Array<{ row: ApplicationRow; to: ApplicationStatus; programmeId: string | null }> = [];
    for (const result of results) {
      const row = rows.get(result.applicationId);
      if (!row) throw this.stale();
      if (row.status === 'approved') {
        if (result.programmeId && result.programmeId !== row.placed_programme_id) {
          count(free, row.placed_programme_id!);
          count(take, result.programmeId);
          changes.push({ row, to: 'approved', programmeId: result.programmeId });
        }
      } else if (result.programmeId) {
        count(take, result.programmeId);
        changes.push({ row, to: 'approved', programmeId: result.programmeId });
      } else if (row.status === 'submitted') {
        changes.push({ row, to: 'waitlisted', programmeId: null });
      }
    }
    await this.places.freeMany(manager, free);
    if (!(await this.places.takeMany(manager, take))) throw this.stale();
    if (changes.length > 0) {
      await manager.query(
        `UPDATE applications a
            SET status = v.status, placed_programme_id = v.programme_id, decided_at = $4,
                confirmation_deadline = CASE WHEN v.status = 'approved' THEN $5::timestamptz ELSE NULL END,
                updated_at = $4, version = a.version + 1
           FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS v(id, status, programme_id)
          WHERE a.id = v.id`,
        [
          changes.map((change) => change.row.id),
          changes.map((change) => change.to),
          changes.map((change) => change.programmeId),
          now,
          defaultConfirmationDeadline(now),
        ],
      );
      const comment = `Selection round ${round.id} (${round.academicYear} ${round.term})`;
      await manager.query(
        `INSERT INTO application_events (application_id, actor_id, from_status, to_status, comment, at, programme_id)
         SELECT v.application_id, $4, v.from_status, v.to_status, $5, $6, v.programme_id
           FROM unnest($1::uuid[], $2::text[], $3::text[], $7::uuid[]) AS v(application_id, from_status, to_status, programme_id)`,
        [
          changes.map((change) => change.row.id),
          changes.map((change) => change.row.status),
          changes.map((change) => change.to),
          actor.id,
          comment,
          now,
          changes.map((change) => change.programmeId),
        ],
      );
      await this.notifications.enqueueMany(
        manager,
        changes.map((change) => {
          const base = { recipientId: change.row.student_id, path: `/applications/${change.row.id}` };
          return change.to === 'approved'
            ? {
                ...base,
                kind:
                  change.row.status === 'waitlisted'
                    ? ('application-waitlist-approved' as const)
                    : ('application-approved' as const),
                facts: { programme: titles.get(change.programmeId!) ?? '', comment: null },
                dedupeKey:
                  change.row.status === 'approved'
                    ? `application:${change.row.id}:round:${round.id}`
                    : `application:${change.row.id}:approved`,
              }
            : {
                ...base,
                kind: 'application-waitlisted' as const,
                facts: { comment: null },
                dedupeKey: `application:${change.row.id}:waitlisted`,
              };
        }),
      );
    }
    await manager.update(
      SelectionRound,
      { id: round.id },
      { status: 'committed', committedAt: now, committedById: actor.id },
    );
    await this.audit.record(
      {
        actorId: actor.id,
        action: 'selection-round.committed',
        targetType: 'selection-round',
        targetId: round.id,
        details: {
          approved: changes.filter((change) => change.to === 'approved').length,
          changed: changes.length,
        },
      },
      manager,
    );
  }

  private stale(): DomainException {
    return new DomainException(
      SelectionRoundErrorCode.ROUND_STALE,
      'The places or applications changed since this round was previewed; nothing was applied. Run a new round.',
    );
  }
}

interface ResultRow {
  application_id: string;
  rank: number;
  score: string;
  programme_id: string | null;
  choice_rank: number | null;
  held_programme_id: string | null;
  reasons: ChoiceReason[];
  student_id: string;
  first_name: string;
  last_name: string;
}

function toResultResponse(row: ResultRow): RoundApplicationResponse {
  return {
    applicationId: row.application_id,
    student: { id: row.student_id, firstName: row.first_name, lastName: row.last_name },
    score: Number(row.score),
    rank: row.rank,
    outcome: row.programme_id ? 'placed' : 'waitlisted',
    programmeId: row.programme_id,
    choiceRank: row.choice_rank,
    heldProgrammeId: row.held_programme_id,
    reasons: row.reasons.map(toReasonResponse),
  };
}
