import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APPLICATION_STATUSES } from '../applications/application-state.js';
import { today } from '../common/dates.js';
import { INCOMING_STATUSES } from '../incoming/incoming-state.js';
import { OUTGOING_STATUSES } from '../outgoing/outgoing-state.js';
import type {
  IncomingStats,
  InstitutionCount,
  OutgoingMobilityStats,
  OutgoingStats,
  PlacesStats,
  RecognitionStats,
  StatsOverviewResponse,
} from './dto/stats-overview.response.js';

interface GroupRow {
  institution_id: string;
  name: string;
  schac_code: string;
  status: string;
  count: number;
}

const zeros = (statuses: readonly string[]): Record<string, number> =>
  Object.fromEntries(statuses.map((status) => [status, 0]));

/** Folds (institution, status, count) rows into one entry per institution, most first. */
function byInstitution(rows: GroupRow[], statuses: readonly string[]): InstitutionCount[] {
  const entries = new Map<string, InstitutionCount>();
  for (const row of rows) {
    let entry = entries.get(row.institution_id);
    if (!entry) {
      entry = {
        institutionId: row.institution_id,
        name: row.name,
        schacCode: row.schac_code,
        total: 0,
        byStatus: zeros(statuses),
      };
      entries.set(row.institution_id, entry);
    }
    entry.total += row.count;
    entry.byStatus[row.status] = (entry.byStatus[row.status] ?? 0) + row.count;
  }
  return [...entries.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

function byStatus(rows: Array<{ status: string; count: number }>, statuses: readonly string[]) {
  const counts = zeros(statuses);
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + row.count;
  return counts;
}

/**
 * The overview of an academic year for the International Relations Office. Every figure is one
 * aggregate query, read in one REPEATABLE READ transaction so the figures agree with each other.
 */
@Injectable()
export class StatsService {
  constructor(private readonly dataSource: DataSource) {}

  async overview(academicYear: string): Promise<StatsOverviewResponse> {
    const day = today();
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => ({
      academicYear,
      today: day,
      outgoing: await this.outgoing(manager, academicYear),
      outgoingMobilities: await this.outgoingMobilities(manager, academicYear),
      recognition: await this.recognition(manager, academicYear),
      incoming: await this.incoming(manager, academicYear, day),
    }));
  }

  private async outgoing(manager: EntityManager, academicYear: string): Promise<OutgoingStats> {
    // The host of an application: its placed programme's, else its first choice's.
    const rows = (await manager.query(
      `SELECT host.id AS institution_id, host.name, host.schac_code, a.status, count(*)::int AS count
         FROM applications a
         LEFT JOIN programmes placed ON placed.id = a.placed_programme_id
         LEFT JOIN application_choices first_choice ON first_choice.application_id = a.id AND first_choice.rank = 1
         LEFT JOIN programmes first_programme ON first_programme.id = first_choice.programme_id
         LEFT JOIN institutions host
           ON host.id = coalesce(placed.host_institution_id, first_programme.host_institution_id)
        WHERE a.academic_year = $1
        GROUP BY host.id, a.status`,
      [academicYear],
    )) as Array<Omit<GroupRow, 'institution_id'> & { institution_id: string | null }>;
    return {
      total: rows.reduce((sum, row) => sum + row.count, 0),
      byStatus: byStatus(rows, APPLICATION_STATUSES) as OutgoingStats['byStatus'],
      byHostInstitution: byInstitution(
        rows.filter((row): row is GroupRow => row.institution_id !== null),
        APPLICATION_STATUSES,
      ),
      places: await this.places(manager, academicYear),
    };
  }

  /** The year's outgoing mobilities per receiving institution and status. */
  private async outgoingMobilities(
    manager: EntityManager,
    academicYear: string,
  ): Promise<OutgoingMobilityStats> {
    const rows = (await manager.query(
      `SELECT host.id AS institution_id, host.name, host.schac_code, m.status, count(*)::int AS count
         FROM outgoing_mobilities m
         JOIN institutions host ON host.id = m.receiving_institution_id
        WHERE m.academic_year = $1
        GROUP BY host.id, m.status`,
      [academicYear],
    )) as GroupRow[];
    return {
      total: rows.reduce((sum, row) => sum + row.count, 0),
      byStatus: byStatus(rows, OUTGOING_STATUSES) as OutgoingMobilityStats['byStatus'],
      byHostInstitution: byInstitution(rows, OUTGOING_STATUSES),
    };
  }

  /**
   * Per host, the ECTS of table B of the last approved learning agreement of each recognised
   * mobility of the year, and those the home coordinator recognised. An approved version is one
   * the three sides signed (a commented one never has the receiving side's signature).
   */
  private async recognition(manager: EntityManager, academicYear: string): Promise<RecognitionStats> {
    const rows = (await manager.query(
      `WITH approved AS (
         SELECT DISTINCT ON (v.agreement_id) v.agreement_id, v.content
           FROM learning_agreement_versions v
          WHERE (SELECT count(*) FROM learning_agreement_signatures s WHERE s.version_id = v.id) = 3
          ORDER BY v.agreement_id, v.number DESC
       ), per_mobility AS (
         SELECT m.receiving_institution_id AS institution_id,
                coalesce(sum((b.component->>'ects')::numeric), 0) AS planned,
                coalesce(sum((b.component->>'ects')::numeric) FILTER (WHERE r.recognised), 0) AS recognised
           FROM outgoing_mobilities m
           JOIN learning_agreements a ON a.outgoing_mobility_id = m.id
           JOIN approved ON approved.agreement_id = a.id
           CROSS JOIN LATERAL jsonb_array_elements(approved.content->'tableB') AS b(component)
           LEFT JOIN learning_agreement_recognitions r
             ON r.agreement_id = a.id AND r.component_code = b.component->>'code'
          WHERE m.academic_year = $1 AND m.status = 'recognized'
          GROUP BY m.id
       )
       SELECT host.id AS institution_id, host.name, host.schac_code, count(*)::int AS mobilities,
              sum(p.planned)::float8 AS planned, sum(p.recognised)::float8 AS recognised
         FROM per_mobility p
         JOIN institutions host ON host.id = p.institution_id
        GROUP BY host.id`,
      [academicYear],
    )) as Array<{
      institution_id: string;
      name: string;
      schac_code: string;
      mobilities: number;
      planned: number;
      recognised: number;
    }>;
    const round = (value: number) => Math.round(value * 10) / 10;
    const byHostInstitution = rows.map((row) => ({
      institutionId: row.institution_id,
      name: row.name,
      schacCode: row.schac_code,
      mobilities: row.mobilities,
      ectsPlanned: round(row.planned),
      ectsRecognised: round(row.recognised),
      share: row.planned > 0 ? Math.round((row.recognised / row.planned) * 1000) / 1000 : null,
    }));
    byHostInstitution.sort((a, b) => (a.share ?? 1) - (b.share ?? 1) || a.name.localeCompare(b.name));
    return { byHostInstitution };
  }

  private async places(manager: EntityManager, academicYear: string): Promise<PlacesStats> {
    const [row] = (await manager.query(
      `SELECT coalesce(sum(places), 0)::int AS offered, coalesce(sum(places_taken), 0)::int AS taken,
              count(*)::int AS programmes
         FROM programmes
        WHERE academic_year = $1 AND status IN ('published', 'archived')`,
      [academicYear],
    )) as Array<{ offered: number; taken: number; programmes: number }>;
    return {
      offered: row.offered,
      taken: row.taken,
      left: row.offered - row.taken,
      programmes: row.programmes,
    };
  }

  private async incoming(manager: EntityManager, academicYear: string, day: string): Promise<IncomingStats> {
    const rows = (await manager.query(
      `SELECT i.id AS institution_id, i.name, i.schac_code, m.status, count(*)::int AS count
         FROM incoming_mobilities m
         JOIN institutions i ON i.id = m.home_institution_id
        WHERE m.academic_year = $1
        GROUP BY i.id, m.status`,
      [academicYear],
    )) as GroupRow[];
    const [present] = (await manager.query(
      `SELECT count(*)::int AS count FROM incoming_mobilities
        WHERE actual_arrival <= $1 AND (actual_departure IS NULL OR actual_departure >= $1)`,
      [day],
    )) as Array<{ count: number }>;
    return {
      total: rows.reduce((sum, row) => sum + row.count, 0),
      byStatus: byStatus(rows, INCOMING_STATUSES) as IncomingStats['byStatus'],
      byHomeInstitution: byInstitution(rows, INCOMING_STATUSES),
      onCampusToday: present.count,
    };
  }
}
