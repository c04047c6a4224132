import { ApiProperty } from '@nestjs/swagger';
import { CEFR_LEVELS, TERMS, type CefrLevel, type Term } from '../../common/domain.js';
import { OUTGOING_STATUSES, type OutgoingStatus } from '../../outgoing/outgoing-state.js';
import {
  LA_PARTIES,
  LA_REASON_CODES,
  LA_TABLES,
  LA_VERSION_STATUSES,
  type LaParty,
  type LaReasonCode,
  type LaTable,
  type LaVersionStatus,
} from '../learning-agreement-state.js';

export class StudiedComponentResponse {
  title: string;
  code: string;
  @ApiProperty({ enum: TERMS })
  term: Term;
  ects: number;
  @ApiProperty({ type: String, nullable: true })
  recognitionConditions: string | null;
}

export class RecognisedComponentResponse {
  title: string;
  code: string;
  ects: number;
}

export class VirtualComponentResponse {
  title: string;
  code: string;
  ects: number;
  description: string;
}

export class ResponsiblePersonResponse {
  givenNames: string;
  familyName: string;
  position: string;
  email: string;
}

export class LanguageCompetenceResponse {
  language: string;
  @ApiProperty({ enum: CEFR_LEVELS })
  cefrLevel: CefrLevel;
}

export class ChangeResponse {
  @ApiProperty({ enum: LA_TABLES })
  table: LaTable;
  @ApiProperty({ enum: ['inserted', 'deleted'] })
  action: 'inserted' | 'deleted';
  code: string;
  title: string;
  @ApiProperty({ enum: LA_REASON_CODES })
  reasonCode: LaReasonCode;
  @ApiProperty({ type: String, nullable: true })
  reasonText: string | null;
}

/** What a version says: the tables, the people, and the changes since the first version. */
export class LearningAgreementContentResponse {
  @ApiProperty({ type: [StudiedComponentResponse] })
  tableA: StudiedComponentResponse[];
  @ApiProperty({ type: [RecognisedComponentResponse] })
  tableB: RecognisedComponentResponse[];
  @ApiProperty({ type: [VirtualComponentResponse] })
  tableC: VirtualComponentResponse[];
  @ApiProperty({ type: String, nullable: true })
  shortCreditsReason: string | null;
  @ApiProperty({ type: LanguageCompetenceResponse, nullable: true })
  languageCompetence: LanguageCompetenceResponse | null;
  @ApiProperty({ type: Number, nullable: true })
  eqfLevel: number | null;
  @ApiProperty({ type: String, nullable: true })
  subjectArea: string | null;
  @ApiProperty({ type: ResponsiblePersonResponse, nullable: true })
  sendingResponsible: ResponsiblePersonResponse | null;
  @ApiProperty({ type: ResponsiblePersonResponse, nullable: true })
  receivingResponsible: ResponsiblePersonResponse | null;
  @ApiProperty({ type: [ChangeResponse] })
  changes: ChangeResponse[];
}

export class SemesterTotalResponse {
  @ApiProperty({ enum: ['autumn', 'spring'] })
  term: 'autumn' | 'spring';
  ects: number;
}

export class LearningAgreementTotalsResponse {
  tableA: number;
  tableB: number;
  tableC: number;
  @ApiProperty({ type: [SemesterTotalResponse] })
  semesters: SemesterTotalResponse[];
}

export class SignatureResponse {
  @ApiProperty({ enum: LA_PARTIES })
  party: LaParty;
  signerId: string;
  name: string;
  @ApiProperty({ type: String, nullable: true })
  position: string | null;
  email: string;
  signedAt: Date;
  /** The hash of the content signed. */
  hash: string;
}

export class CommentResponse {
  authorId: string;
  name: string;
  reason: string;
  at: Date;
  hash: string;
}

/** A version in the list: its number, status and hash. */
export class VersionSummaryResponse {
  number: number;
  @ApiProperty({ enum: ['first-version', 'changes'] })
  kind: 'first-version' | 'changes';
  @ApiProperty({ enum: LA_VERSION_STATUSES })
  status: LaVersionStatus;
  hash: string;
  createdAt: Date;
}

export class VersionResponse extends VersionSummaryResponse {
  content: LearningAgreementContentResponse;
  totals: LearningAgreementTotalsResponse;
  @ApiProperty({ type: [SignatureResponse] })
  signatures: SignatureResponse[];
  @ApiProperty({ type: CommentResponse, nullable: true })
  comment: CommentResponse | null;
  /** The sides that still have to sign, in order. */
  @ApiProperty({ enum: LA_PARTIES, isArray: true })
  nextSigners: LaParty[];
  /** What this version still lacks to be signed (field names); empty when complete. */
  @ApiProperty({ type: [String] })
  missing: string[];
}

export class ComponentResultResponse {
  code: string;
  grade: string;
  ectsObtained: number;
  recordedById: string;
  recordedAt: Date;
}

export class RecognitionDecisionResponse {
  code: string;
  recognised: boolean;
  @ApiProperty({ type: String, nullable: true })
  grade: string | null;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  decidedById: string;
  decidedAt: Date;
}

export class RecognitionResponse {
  @ApiProperty({ type: [ComponentResultResponse] })
  results: ComponentResultResponse[];
  @ApiProperty({ type: [RecognitionDecisionResponse] })
  decisions: RecognitionDecisionResponse[];
  /** ECTS of table B recognised, of the approved version's table B total. */
  ectsRecognised: number;
  /** Every component of table A has its result and every one of table B its decision. */
  complete: boolean;
}

/** The learning agreement of a mobility: the latest version, the last approved one, the list. */
export class LearningAgreementResponse {
  mobilityId: string;
  @ApiProperty({ enum: OUTGOING_STATUSES })
  mobilityStatus: OutgoingStatus;
  /** The latest version (what is being drafted or signed), null before the first draft. */
  @ApiProperty({ type: VersionResponse, nullable: true })
  current: VersionResponse | null;
  /** The last version signed by the three parties, null before the first approval. */
  @ApiProperty({ type: VersionResponse, nullable: true })
  lastApproved: VersionResponse | null;
  @ApiProperty({ type: [VersionSummaryResponse] })
  versions: VersionSummaryResponse[];
  recognition: RecognitionResponse;
}

/** A learning agreement in the personal-data export: every version, the results and recognition. */
export class ExportedLearningAgreementResponse {
  mobilityId: string;
  /** Every version, oldest first, with its content and signatures. */
  @ApiProperty({ type: [VersionResponse] })
  versions: VersionResponse[];
  recognition: RecognitionResponse;
}
