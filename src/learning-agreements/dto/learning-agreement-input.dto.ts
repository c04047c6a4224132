import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CEFR_LEVELS, TERMS, type CefrLevel, type Term } from '../../common/domain.js';
import { IsDecimal, LowerCased, Trimmed } from '../../common/dto/fields.js';
import {
  LA_MAX_COMPONENTS,
  LA_REASON_CODES,
  LA_TABLES,
  type LaReasonCode,
  type LaTable,
} from '../learning-agreement-state.js';

/** Components per table at most. */
export const MAX_COMPONENTS = LA_MAX_COMPONENTS;
const TITLE_MAX = 300;
const CODE_MAX = 50;
const TEXT_MAX = 2000;

class ComponentFields {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title: string;

  /** The institution's code of the component: unique within its table (changes name it). */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE_MAX)
  code: string;

  /** ECTS credits, one decimal at most. */
  @IsDecimal(1)
  @Min(0.5)
  @Max(60)
  ects: number;
}

/** Table A: a component studied at the receiving institution. */
export class StudiedComponentDto extends ComponentFields {
  @ApiProperty({ enum: TERMS })
  @IsIn(TERMS)
  term: Term;

  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(TEXT_MAX)
  recognitionConditions?: string;
}

/** Table B: a component recognised at the sending institution. */
export class RecognisedComponentDto extends ComponentFields {}

/** Table C: a virtual component, with its description. */
export class VirtualComponentDto extends ComponentFields {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  description: string;
}

export class ResponsiblePersonDto {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  givenNames: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  familyName: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  position: string;

  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class LanguageCompetenceDto {
  /** ISO 639-1 code, lower case. */
  @LowerCased()
  @IsString()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code of two letters' })
  language: string;

  @ApiProperty({ enum: CEFR_LEVELS })
  @IsIn(CEFR_LEVELS)
  cefrLevel: CefrLevel;
}

/**
 * The whole content of a draft (before the first approval): what is left out is taken from the
 * mobility (language, EQF level, field of education) or stays empty until signing needs it.
 */
export class DraftLearningAgreementDto {
  @IsArray()
  @ArrayMaxSize(MAX_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => StudiedComponentDto)
  tableA: StudiedComponentDto[];

  @IsArray()
  @ArrayMaxSize(MAX_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => RecognisedComponentDto)
  tableB: RecognisedComponentDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => VirtualComponentDto)
  tableC?: VirtualComponentDto[];

  /** Required to sign when a semester has less than 20 ECTS in table A. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  shortCreditsReason?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => LanguageCompetenceDto)
  languageCompetence?: LanguageCompetenceDto;

  /** EQF level studied at departure: 6 bachelor, 7 master, 8 doctorate. */
  @ApiPropertyOptional({ enum: [6, 7, 8] })
  @IsOptional()
  @IsInt()
  @IsIn([6, 7, 8])
  eqfLevel?: number;

  /** ISCED-F 2013 code of the field of education (4 digits). */
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{4}$/, { message: 'subjectArea must be an ISCED-F code of four digits' })
  subjectArea?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsiblePersonDto)
  sendingResponsible?: ResponsiblePersonDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsiblePersonDto)
  receivingResponsible?: ResponsiblePersonDto;
}

/** One change during the mobility: a component inserted or deleted, with its reason. */
export class ChangeDto {
  @ApiProperty({ enum: LA_TABLES })
  @IsIn(LA_TABLES)
  table: LaTable;

  @ApiProperty({ enum: ['insert', 'delete'] })
  @IsIn(['insert', 'delete'])
  action: 'insert' | 'delete';

  /** The code of the component deleted, or of the one inserted. */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE_MAX)
  code: string;

  /** Insert: the component's title. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title?: string;

  /** Insert into table A: the term. */
  @ApiPropertyOptional({ enum: TERMS })
  @IsOptional()
  @IsIn(TERMS)
  term?: Term;

  /** Insert: ECTS credits. */
  @IsOptional()
  @IsDecimal(1)
  @Min(0.5)
  @Max(60)
  ects?: number;

  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(TEXT_MAX)
  recognitionConditions?: string;

  /** Insert into table C: the description. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  description?: string;

  /** EWP's reason code. */
  @ApiProperty({ enum: LA_REASON_CODES })
  @IsIn(LA_REASON_CODES)
  reasonCode: LaReasonCode;

  /** The reason in words. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(TEXT_MAX)
  reasonText?: string;
}

/** Changes to the last approved version, replacing any unsigned change not yet signed. */
export class ProposeChangesDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => ChangeDto)
  changes: ChangeDto[];

  /** Required to sign when a semester is left with less than 20 ECTS in table A. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  shortCreditsReason?: string;
}

const HASH = /^[0-9a-f]{64}$/;

/** A signature of the latest version, naming the hash of the content read. */
export class SignLearningAgreementDto {
  /** The `hash` of the latest version as read: another one is a 409 and signs nothing. */
  @IsString()
  @Matches(HASH, { message: 'hash must be 64 lower-case hexadecimal digits (SHA-256)' })
  hash: string;

  /**
   * The name of an institution's signatory as it appears on the agreement; the account's name by
   * default. A student always signs with their account's name: this is ignored.
   */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  /** The signer's position: required for the sending and receiving sides. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  position?: string;
}

/** The receiving side's comment on a proposal: a rejection with its reason. */
export class CommentLearningAgreementDto {
  @IsString()
  @Matches(HASH, { message: 'hash must be 64 lower-case hexadecimal digits (SHA-256)' })
  hash: string;

  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason: string;
}

/** The receiving institution's result for a component of table A of the approved version. */
export class ComponentResultDto {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE_MAX)
  code: string;

  /** The grade as the receiving institution writes it. */
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  grade: string;

  @IsDecimal(1)
  @Min(0)
  @Max(60)
  ectsObtained: number;
}

export class RecordResultsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => ComponentResultDto)
  results: ComponentResultDto[];
}

/** The home coordinator's decision on a component of table B of the approved version. */
export class RecognitionDecisionDto {
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(CODE_MAX)
  code: string;

  @IsBoolean()
  recognised: boolean;

  /** Recognised: the grade carried over. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  grade?: string;

  /** Not recognised: the reason. */
  @IsOptional()
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  reason?: string;
}

export class RecordRecognitionDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => RecognitionDecisionDto)
  decisions: RecognitionDecisionDto[];
}
