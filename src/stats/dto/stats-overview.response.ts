import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../applications/application-state.js';
import { INCOMING_STATUSES, type IncomingStatus } from '../../incoming/incoming-state.js';
import { OUTGOING_STATUSES, type OutgoingStatus } from '../../outgoing/outgoing-state.js';

export class InstitutionCount {
  institutionId: string;
  name: string;
  schacCode: string;
  total: number;
  /** Count per status (every status present, zeros included). */
  byStatus: Record<string, number>;
}

export class PlacesStats {
  /** Sum of the places of the year's published and archived programmes. */
  offered: number;
  /** Places held by approved applications. */
  taken: number;
  left: number;
  programmes: number;
}

export class OutgoingStats {
  /** Applications of the year, whatever their status. */
  total: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, { type: 'integer' }])),
  })
  byStatus: Record<ApplicationStatus, number>;
  /** By host institution: the placed programme's host, else the first choice's host. */
  byHostInstitution: InstitutionCount[];
  places: PlacesStats;
}

/** The outgoing mobilities of the year (confirmed places, as nominated to the hosts). */
export class OutgoingMobilityStats {
  total: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(OUTGOING_STATUSES.map((status) => [status, { type: 'integer' }])),
  })
  byStatus: Record<OutgoingStatus, number>;
  /** By receiving institution, each with its count per status; most first. */
  byHostInstitution: InstitutionCount[];
}

export class IncomingStats {
  total: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(INCOMING_STATUSES.map((status) => [status, { type: 'integer' }])),
  })
  byStatus: Record<IncomingStatus, number>;
  byHomeInstitution: InstitutionCount[];
  /** Incoming students on campus today, whatever their academic year (arrived, not departed before today). */
  onCampusToday: number;
}

/** The ECTS of table B recognised at home, for one host, of the recognised mobilities of the year. */
export class HostRecognition {
  institutionId: string;
  name: string;
  schacCode: string;
  /** Recognised mobilities counted (those with an approved learning agreement). */
  mobilities: number;
  /** ECTS of table B of their last approved learning agreements. */
  ectsPlanned: number;
  /** Of those, the ECTS of components the home coordinator recognised. */
  ectsRecognised: number;
  /** ectsRecognised / ectsPlanned, 0 to 1 (null when nothing was planned). */
  @ApiProperty({ type: Number, nullable: true })
  share: number | null;
}

export class RecognitionStats {
  /** Per receiving institution, the lowest share first. */
  @ApiProperty({ type: [HostRecognition] })
  byHostInstitution: HostRecognition[];
}

export class StatsOverviewResponse {
  academicYear: string;
  /** The day "today" refers to (YYYY-MM-DD, the server's time zone). */
  @ApiProperty({ format: 'date' })
  today: string;
  outgoing: OutgoingStats;
  outgoingMobilities: OutgoingMobilityStats;
  /** The share of ECTS recognised per host, from the learning agreements of recognised mobilities. */
  recognition: RecognitionStats;
  incoming: IncomingStats;
}
